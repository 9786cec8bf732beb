import { describe, expect, it } from 'vitest';
import { numericReading, reading } from '../../../src/main/services/gpus/readings';
import { parseNvidiaCsv } from '../../../src/main/services/gpus/nvidia/csv';
import { parseXml, textAt } from '../../../src/main/services/gpus/nvidia/xml-lite';
import { parseNvidiaXml } from '../../../src/main/services/gpus/nvidia/xml-report';

describe('readings', () => {
  it.each([
    '[N/A]',
    '[Not Supported]',
    'N/A',
    '',
    '  ',
    '[Unknown Error]',
    '[Requested functionality has been deprecated]',
    'N/A (Secondary die)',
    'Not Found',
  ])('treats %j as not reported', (raw) => {
    expect(reading(raw)).toBeNull();
    expect(numericReading(raw)).toBeNull();
  });

  it('reads numbers with or without units', () => {
    expect(numericReading('81559 MiB')).toBe(81559);
    expect(numericReading('71.15 W')).toBe(71.15);
    expect(numericReading('38 %')).toBe(38);
    expect(numericReading('27 C')).toBe(27);
    expect(numericReading('12')).toBe(12);
    expect(numericReading('Enabled')).toBeNull();
  });
});

describe('parseNvidiaCsv', () => {
  it('strips units from header names and keys rows by field', () => {
    expect(parseNvidiaCsv('index, memory.total [MiB], name\n0, 81559 MiB, NVIDIA H100\n')).toEqual([
      { index: '0', 'memory.total': '81559 MiB', name: 'NVIDIA H100' },
    ]);
  });

  it('keeps `, ` inside a free-text field', () => {
    const rows = parseNvidiaCsv('42, GPU-1, /usr/bin/app --flags=a, b, 100', {
      fields: ['pid', 'gpu_uuid', 'process_name', 'used_gpu_memory'],
      freeTextField: 'process_name',
    });
    expect(rows).toEqual([
      { pid: '42', gpu_uuid: 'GPU-1', process_name: '/usr/bin/app --flags=a, b', used_gpu_memory: '100' },
    ]);
  });

  it('reads Windows line endings and ignores blank lines', () => {
    expect(parseNvidiaCsv('0, a\r\n\r\n1, b\r\n', { fields: ['index', 'name'] })).toHaveLength(2);
  });
});

describe('xml-lite', () => {
  it('reads elements, attributes, entities, CDATA and self-closing tags, skipping prolog and DOCTYPE', () => {
    const root = parseXml(`<?xml version="1.0"?>
<!DOCTYPE log SYSTEM "x.dtd" [ <!ENTITY a "b"> ]>
<!-- comment -->
<log><gpu id="0000:01:00.0"><name>A &amp; B &#x41;</name><raw><![CDATA[<x> & y]]></raw><empty/></gpu></log>`);
    expect(root.name).toBe('log');
    expect(root.children[0]!.attributes).toEqual({ id: '0000:01:00.0' });
    expect(textAt(root, 'gpu/name')).toBe('A & B A');
    expect(textAt(root, 'gpu/raw')).toBe('<x> & y');
    expect(textAt(root, 'gpu/empty')).toBe('');
    expect(textAt(root, 'gpu/missing')).toBeUndefined();
  });

  it('rejects malformed documents', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(/mismatched/);
    expect(() => parseXml('<a>')).toThrow(/unclosed/);
    expect(() => parseXml('no xml')).toThrow(/no root/);
  });

  it('turns a broken or foreign report into a BerthError', () => {
    expect(() => parseNvidiaXml('<nvidia_smi_log><gpu>')).toThrow(/Cannot read nvidia-smi's XML report/);
    expect(() => parseNvidiaXml('<html></html>')).toThrow(/not <nvidia_smi_log>/);
  });
});
