/** terminal-echo.bench.ts (keystroke echo p50), with Berth's exec stream and `docker exec -it` both over ssh://. */
import { run as echo } from './terminal-echo.bench';
import type { BenchResult } from './bench-kit';
import { overSsh } from './remote-kit';

export function run(): Promise<BenchResult> {
  return overSsh(echo);
}
