import { describe, expect, it } from 'vitest';
import { toEngineEvent } from '../../../src/main/services/docker/engine-event';
import { JsonLineParser } from '../../../src/main/services/docker/json-lines';
import { EngineEventSchema } from '@shared/schemas/engine';

function parseChunks(chunks: Array<Buffer | string>, end = false) {
  const values: unknown[] = [];
  const invalid: string[] = [];
  const parser = new JsonLineParser(
    (value) => values.push(value),
    (line) => invalid.push(line),
  );
  for (const chunk of chunks) parser.push(chunk);
  if (end) parser.end();
  return { values, invalid };
}

describe('JsonLineParser', () => {
  it('joins lines split across chunks and splits chunks holding several lines', () => {
    const { values } = parseChunks(['{"a":', '1}\n{"b":2}\n{"c"', ':3}\n']);
    expect(values).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });

  it('keeps a multi-byte character split between chunks intact', () => {
    const bytes = Buffer.from('{"name":"café ☕"}\n');
    const cut = bytes.indexOf(0xe2) + 1; // inside the three bytes of ☕
    expect(parseChunks([bytes.subarray(0, cut), bytes.subarray(cut)]).values).toEqual([{ name: 'café ☕' }]);
  });

  it('waits for the newline, and parses a last unterminated line at the end', () => {
    expect(parseChunks(['{"a":1}']).values).toEqual([]);
    expect(parseChunks(['{"a":1}'], true).values).toEqual([{ a: 1 }]);
  });

  it('skips blank lines, tolerates CRLF and reports lines that are not JSON', () => {
    const { values, invalid } = parseChunks(['\n\r\n{"a":1}\r\n', 'oops\n', '{"b":2}\n']);
    expect(values).toEqual([{ a: 1 }, { b: 2 }]);
    expect(invalid).toEqual(['oops']);
  });
});

describe('toEngineEvent', () => {
  it('maps an API 1.41 event', () => {
    const event = toEngineEvent({
      status: 'start',
      id: 'abc123',
      from: 'busybox',
      Type: 'container',
      Action: 'start',
      Actor: { ID: 'abc123', Attributes: { image: 'busybox', name: 'web', 'com.docker.compose.project': 'demo' } },
      scope: 'local',
      time: 1_700_000_000,
      timeNano: 1_700_000_000_000_000_000,
    });
    expect(EngineEventSchema.parse(event)).toEqual({
      type: 'container',
      action: 'start',
      id: 'abc123',
      attributes: { image: 'busybox', name: 'web', 'com.docker.compose.project': 'demo' },
      timeNano: 1_700_000_000_000_000_000,
    });
  });

  it('maps a network event whose actor is the network, and stringifies attribute values', () => {
    expect(
      toEngineEvent({
        Type: 'network',
        Action: 'connect',
        Actor: { ID: 'net1', Attributes: { container: 'c1', n: 3 } },
        time: 2,
      }),
    ).toEqual({
      type: 'network',
      action: 'connect',
      id: 'net1',
      attributes: { container: 'c1', n: '3' },
      timeNano: 2e9,
    });
  });

  it('reads the old status-only format', () => {
    expect(toEngineEvent({ status: 'die', id: 'c1', from: 'img', time: 5 })).toMatchObject({
      type: 'container',
      action: 'die',
      id: 'c1',
      attributes: {},
    });
  });

  it('drops values that are not events', () => {
    expect(toEngineEvent(null)).toBeNull();
    expect(toEngineEvent('start')).toBeNull();
    expect(toEngineEvent({ Type: 'container' })).toBeNull();
  });
});
