import { parseNvidiaCsv } from '../../../src/main/services/gpus/nvidia/csv';
import type { ToolRunner } from '../../../src/main/services/gpus/tool-runner';
import { readFixture } from './fixtures';

/**
 * Turns a captured `--query-gpu` CSV (with header and units) into what Berth's own `noheader` query would print
 * for `fields`: the same values, in the asked order.
 */
export function asNoHeaderQuery(capturedCsv: string, fields: readonly string[]): string {
  return parseNvidiaCsv(capturedCsv)
    .map((row) => fields.map((field) => row[field] ?? '[N/A]').join(', '))
    .join('\n');
}

/** A ToolRunner that answers nvidia-smi calls from one capture folder and records the calls. */
export function captureRunner(
  nvidiaDir: string,
  capture: string,
  xmlFile: string | null,
  state: 'idle' | 'load' = 'load',
) {
  const calls: string[][] = [];
  const read = (file: string) => readFixture(nvidiaDir, 'csv/from-captures', capture, file);
  const runner: ToolRunner = {
    async run(_command, args) {
      calls.push([...args]);
      const [first] = args;
      if (first?.startsWith('--query-gpu=')) {
        const fields = first.slice('--query-gpu='.length).split(',');
        return { stdout: asNoHeaderQuery(read(`${state}__query-gpu.csv`), fields), stderr: '' };
      }
      if (first?.startsWith('--query-compute-apps=')) {
        const fields = first.slice('--query-compute-apps='.length).split(',');
        return { stdout: asNoHeaderQuery(read(`${state}__query-compute-apps.csv`), fields), stderr: '' };
      }
      if (first === '-L') return { stdout: read('capabilities__list-L.txt'), stderr: '' };
      if (first === '-q' && xmlFile) return { stdout: readFixture(nvidiaDir, 'xml', xmlFile), stderr: '' };
      throw new Error(`unexpected nvidia-smi call: ${args.join(' ')}`);
    },
  };
  return { runner, calls };
}
