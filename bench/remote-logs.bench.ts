/** logs.bench.ts (1,000,000 lines), with `berth logs` and `docker logs` both over ssh://. Goal ≤ 1.0. */
import { run as logs } from './logs.bench';
import type { BenchResult } from './bench-kit';
import { overSsh } from './remote-kit';

export function run(): Promise<BenchResult> {
  return overSsh(logs);
}
