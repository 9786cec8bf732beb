/**
 * `berth --version` against `docker --version` (issue 19 target: Berth ≤ 0.15 s): the path that must touch nothing
 * heavy. Whole processes, alternating, medians.
 */
import type { BenchResult } from './bench-kit';
import { requireBuild, timeBerth, timeProcess } from './cli-process';
import { alternatingMedians } from './compose-config-rounds';

const ROUNDS = 11;

export async function run(): Promise<BenchResult> {
  requireBuild();
  const { berthMs, referenceMs } = await alternatingMedians(
    ROUNDS,
    () => timeBerth(['--version']),
    () => timeProcess('docker', ['--version']),
  );
  return {
    name: 'berth --version vs docker --version (whole process)',
    berthMs,
    referenceMs,
    ratio: berthMs / referenceMs,
    detail: `median of ${ROUNDS} alternating rounds (goal: Berth ≤ 150 ms)`,
  };
}
