/** `berth engine` against `docker version` on the same engine (issue 19 target: ≤ 2×). Whole processes, alternating. */
import { benchEngine, type BenchResult } from './bench-kit';
import { requireBuild, timeBerth, timeProcess } from './cli-process';
import { alternatingMedians } from './compose-config-rounds';

const ROUNDS = 11;

export async function run(): Promise<BenchResult> {
  requireBuild();
  await benchEngine();
  const { berthMs, referenceMs } = await alternatingMedians(
    ROUNDS,
    () => timeBerth(['engine']),
    () => timeProcess('docker', ['version']),
  );
  return {
    name: 'berth engine vs docker version (whole process)',
    berthMs,
    referenceMs,
    ratio: berthMs / referenceMs,
    detail: `median of ${ROUNDS} alternating rounds (goal ≤ 2.0)`,
  };
}
