/**
 * `berth up` + `berth down` against `docker compose up -d` + `docker compose down` on a generated 12-service stack
 * with three levels of depends_on (4 + 4 + 4 services, busybox test image), alternating which goes first each
 * round. Berth runs its CLI commands in-process (load, connect, plan, apply, print); Compose runs as the CLI.
 * ratio = median Berth time / median Compose time (goal ≤ 0.8).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { downCommand } from '../src/main/cli/commands/down';
import { upCommand } from '../src/main/cli/commands/up';
import type { CliCommand } from '../src/main/cli/command';
import { benchEngine, type BenchResult, median } from './bench-kit';
import { stackYaml } from './up-down-kit';

const exec = promisify(execFile);
const ROUNDS = 5;

const silent = new Writable({ write: (_chunk, _encoding, callback) => callback() });

async function runBerth(command: CliCommand, dir: string, project: string, args: string[] = []): Promise<void> {
  const code = await command.run(['-p', project, ...args], {
    cwd: dir,
    env: process.env,
    stdout: silent,
    stderr: silent,
    isTty: false,
  });
  if (code !== 0) throw new Error(`berth ${command.name} exited with ${code}`);
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

export async function run(): Promise<BenchResult> {
  await benchEngine(); // fails early, with the reason, when no engine answers
  const dir = mkdtempSync(join(tmpdir(), 'berth-bench-compose-'));
  writeFileSync(join(dir, 'compose.yaml'), stackYaml());
  const berthProject = `berth-bench-up-${process.pid}`;
  const composeProject = `berth-bench-ref-${process.pid}`;
  const berthTimes: number[] = [];
  const composeTimes: number[] = [];
  const berthRound = () =>
    timed(async () => {
      await runBerth(upCommand, dir, berthProject);
      await runBerth(downCommand, dir, berthProject);
    });
  const composeRound = () =>
    timed(async () => {
      await exec('docker', ['compose', '-p', composeProject, 'up', '-d'], { cwd: dir });
      await exec('docker', ['compose', '-p', composeProject, 'down'], { cwd: dir });
    });
  try {
    // One warm-up each (first container creation on a fresh engine is slower), not counted.
    await berthRound();
    await composeRound();
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        berthTimes.push(await berthRound());
        composeTimes.push(await composeRound());
      } else {
        composeTimes.push(await composeRound());
        berthTimes.push(await berthRound());
      }
    }
  } finally {
    await exec('docker', ['compose', '-p', composeProject, 'down'], { cwd: dir }).catch(() => {});
    await runBerth(downCommand, dir, berthProject).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
  const berthMs = median(berthTimes);
  const referenceMs = median(composeTimes);
  const format = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
  return {
    name: 'compose up + down, 12 services, 3 dependency levels',
    berthMs,
    referenceMs,
    ratio: berthMs / referenceMs,
    detail: `${ROUNDS} alternating rounds after one warm-up each; Berth ms: ${format(berthTimes)}; docker compose ms: ${format(composeTimes)}`,
  };
}
