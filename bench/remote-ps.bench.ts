/**
 * `berth ps` (in-process, as the app runs it: resolve, connect, list, inspect, print) against `docker compose ps`
 * on the same 3-service project, both over ssh://, alternating, ROUNDS each. ratio = median Berth / median Compose.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { psCommand } from '../src/main/cli/commands/ps';
import { closeAllEngineClients } from '../src/main/services/docker/open-clients';
import { TEST_IMAGE } from '../tests/support/require-engine';
import { type BenchResult, median } from './bench-kit';
import { overSsh } from './remote-kit';

const exec = promisify(execFile);
const ROUNDS = 7;
const silent = new Writable({ write: (_chunk, _encoding, callback) => callback() });

async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

async function psLatency(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-bench-ps-'));
  const project = `berth-bench-ps-${process.pid}`;
  writeFileSync(
    join(dir, 'compose.yaml'),
    `services:\n${['a', 'b', 'c']
      .map(
        (name) =>
          `  ${name}:\n    image: ${TEST_IMAGE}\n    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]\n`,
      )
      .join('')}`,
  );
  const compose = (...args: string[]) => exec('docker', ['compose', '-p', project, ...args], { cwd: dir });
  try {
    await compose('up', '-d');
    const berth: number[] = [];
    const reference: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      berth.push(
        await timed(async () => {
          const code = await psCommand.run(['-p', project], {
            cwd: dir,
            env: process.env,
            stdout: silent,
            stderr: silent,
            isTty: false,
          });
          // What the CLI does when a command returns: its ssh connection goes with it.
          closeAllEngineClients();
          if (code !== 0) throw new Error(`berth ps exited with ${code}`);
        }),
      );
      reference.push(await timed(() => compose('ps')));
    }
    const berthMs = median(berth);
    const referenceMs = median(reference);
    return {
      name: 'ps latency (3 services)',
      berthMs,
      referenceMs,
      ratio: berthMs / referenceMs,
      detail: `median of ${ROUNDS}; Berth in-process (new ssh connection each time), reference docker compose ps`,
    };
  } finally {
    await compose('down', '-t', '1').catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function run(): Promise<BenchResult> {
  return overSsh(psLatency);
}
