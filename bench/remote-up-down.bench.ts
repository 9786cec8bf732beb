/** compose-up-down.bench.ts (12 services, up -d + down), with Berth and `docker compose` both over ssh://. Goal ≤ 1.0. */
import { run as upDown } from './compose-up-down.bench';
import type { BenchResult } from './bench-kit';
import { overSsh } from './remote-kit';

export function run(): Promise<BenchResult> {
  return overSsh(upDown);
}
