/**
 * `berth ps` against `docker compose ps` for a running 3-service project (issue 19 target: ≤ 1.0×). Whole
 * processes, alternating, medians; the project is brought up with Compose first and taken down after.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TEST_IMAGE } from '../tests/support/require-engine';
import { benchEngine, type BenchResult } from './bench-kit';
import { requireBuild, timeBerth, timeProcess } from './cli-process';
import { alternatingMedians } from './compose-config-rounds';

const exec = promisify(execFile);
const ROUNDS = 11;
const IDLE = `["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`;

export async function run(): Promise<BenchResult> {
  requireBuild();
  await benchEngine();
  const dir = mkdtempSync(join(tmpdir(), 'berth-bench-ps-'));
  const name = `berth-bench-ps-${process.pid}`;
  const services = ['api', 'worker', 'db'].map((s) => `  ${s}:\n    image: ${TEST_IMAGE}\n    command: ${IDLE}`);
  writeFileSync(join(dir, 'compose.yaml'), `name: ${name}\nservices:\n${services.join('\n')}\n`);
  try {
    await exec('docker', ['compose', 'up', '-d'], { cwd: dir });
    const { berthMs, referenceMs } = await alternatingMedians(
      ROUNDS,
      () => timeBerth(['ps'], dir),
      () => timeProcess('docker', ['compose', 'ps'], dir),
    );
    return {
      name: 'berth ps vs docker compose ps (3 running services, whole process)',
      berthMs,
      referenceMs,
      ratio: berthMs / referenceMs,
      detail: `median of ${ROUNDS} alternating rounds (goal ≤ 1.0)`,
    };
  } finally {
    await exec('docker', ['compose', 'down', '--timeout', '0'], { cwd: dir }).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
