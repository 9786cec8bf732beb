import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../../src/main/cli/commands/compose-command';
import { ComposeProgressPrinter } from '../../../src/main/cli/commands/compose-progress-printer';
import { formatTable } from '../../../src/main/cli/commands/compose-table';

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk.toString());
        callback();
      },
    }),
    text: () => chunks.join(''),
  };
}

describe('parseOptions', () => {
  it('splits boolean flags, flags with values (both spellings) and positionals', () => {
    const spec = {
      booleans: { '-v': 'volumes', '--volumes': 'volumes' },
      values: { '-t': 'timeout', '--timeout': 'timeout' },
    };
    expect(parseOptions(['web', '-v', '--timeout=3', 'db'], spec)).toEqual({
      flags: { volumes: true, timeout: '3' },
      positionals: ['web', 'db'],
    });
    expect(parseOptions(['-t', '5'], spec).flags).toEqual({ timeout: '5' });
    expect(() => parseOptions(['--nope'], spec)).toThrow(UsageError);
    expect(() => parseOptions(['-t'], spec)).toThrow('flag needs an argument: -t');
  });
});

describe('ComposeProgressPrinter', () => {
  it('prints plain lines like docker compose when not on a terminal, warnings to stderr', () => {
    const out = sink();
    const err = sink();
    const printer = new ComposeProgressPrinter(out.stream, err.stream, false);
    printer.onProgress({ kind: 'resource', resource: 'network', name: 'p_default', action: 'created' });
    printer.onProgress({ kind: 'creating', service: 'web', container: 'p-web-1' });
    printer.onProgress({ kind: 'running', service: 'web', container: 'p-web-1' });
    printer.onProgress({ kind: 'exited', service: 'init', container: 'p-init-1', exitCode: 0 });
    printer.onProgress({ kind: 'pulling', service: 'web', image: 'img', percent: 10, layers: [] });
    printer.onProgress({ kind: 'pulling', service: 'web', image: 'img', percent: 12, layers: [] });
    printer.onProgress({ kind: 'warning', message: 'careful' });
    expect(out.text()).toBe(
      [
        ' Network p_default  Created',
        ' Container p-web-1  Creating',
        ' Container p-web-1  Started',
        ' Container p-init-1  Exited (0)',
        ' web Pulling img  10%',
        '',
      ].join('\n'),
    );
    expect(err.text()).toBe('WARN careful\n');
  });

  it('redraws one row per container in place on a terminal', () => {
    const out = sink();
    const printer = new ComposeProgressPrinter(out.stream, sink().stream, true);
    printer.onProgress({ kind: 'creating', service: 'web', container: 'p-web-1' });
    printer.onProgress({ kind: 'running', service: 'web', container: 'p-web-1' });
    expect(out.text()).toBe('\x1b[2K Container p-web-1  Creating\n\x1b[1A\x1b[2K Container p-web-1  Started\n');
  });
});

describe('formatTable', () => {
  it('pads columns like the docker CLI', () => {
    expect(formatTable(['NAME', 'STATUS'], [['a-long-name', 'running(2)']])).toBe(
      'NAME          STATUS\na-long-name   running(2)\n',
    );
  });
});
