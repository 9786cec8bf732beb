import { describe, expect, it } from 'vitest';
import { LogPrinter } from '../../../src/main/cli/commands/logs-printer';
import type { LogSource } from '@shared/schemas/logs';

const source = (index: number, name: string): LogSource => ({
  index,
  containerId: `id${index}`,
  name,
  service: name.split('-')[1] ?? null,
  project: 'ml',
  tty: false,
});

describe('LogPrinter', () => {
  const lines = [
    { time: '2024-05-01T10:00:00.000000001Z', source: 0, stream: 'stdout' as const, text: 'ready' },
    { time: '2024-05-01T10:00:00.000000002Z', source: 1, stream: 'stderr' as const, text: 'oops' },
  ];

  it('prefixes lines with the short container name, padded, as Compose does', () => {
    const printer = new LogPrinter({ prefix: true, timestamps: false, color: false });
    printer.setSources([source(0, 'ml-api-1'), source(1, 'ml-worker-1')]);
    expect(printer.format(lines)).toBe('api-1     | ready\nworker-1  | oops\n');
  });

  it('prints timestamps, and nothing else with --no-log-prefix', () => {
    const printer = new LogPrinter({ prefix: false, timestamps: true, color: false });
    printer.setSources([source(0, 'ml-api-1'), source(1, 'ml-worker-1')]);
    expect(printer.format(lines)).toBe('2024-05-01T10:00:00.000000001Z ready\n2024-05-01T10:00:00.000000002Z oops\n');
  });
});
