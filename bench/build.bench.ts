/**
 * `berth build` against `docker compose build` of the same multi-stage Dockerfile with a cache mount and a 300-file
 * context, on the same engine's BuildKit: cold (`--no-cache`: every step runs again; cache mounts stay, as they do
 * for Compose) and warm (nothing changed: every step cached), alternating which goes first each round. Berth runs
 * its CLI command in-process; Compose runs as the CLI. ratio = (cold + warm median, Berth) / (same, Compose);
 * goal ≤ 1.0.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { buildCommand } from '../src/main/cli/commands/build';
import { TEST_IMAGE } from '../tests/support/require-engine';
import { benchEngine, type BenchResult, median } from './bench-kit';

const exec = promisify(execFile);
const ROUNDS = 5;
const CONTEXT_FILES = 300;

const DOCKERFILE = `
FROM ${TEST_IMAGE} AS deps
RUN --mount=type=cache,target=/root/.cache/pip,id=berth-bench-build \\
    mkdir -p /deps && for i in $(seq 1 100); do \\
      [ -f /root/.cache/pip/wheel$i ] || echo "wheel $i" > /root/.cache/pip/wheel$i; cp /root/.cache/pip/wheel$i /deps/; \\
    done

FROM ${TEST_IMAGE} AS app
COPY --from=deps /deps /opt/deps
COPY src/ /app/
RUN ls /app | wc -l > /app-files && ls /opt/deps | wc -l > /deps-count
`;

const silent = new Writable({ write: (_chunk, _encoding, callback) => callback() });

async function berthBuild(dir: string, project: string, args: string[]): Promise<void> {
  let errors = '';
  const stderr = new Writable({
    write: (chunk: Buffer, _encoding, callback) => {
      errors += chunk.toString();
      callback();
    },
  });
  const code = await buildCommand.run(['-p', project, ...args], {
    cwd: dir,
    env: process.env,
    stdout: silent,
    stderr,
    isTty: false,
  });
  if (code !== 0) throw new Error(`berth build exited with ${code}: ${errors}`);
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

export async function run(): Promise<BenchResult> {
  const docker = await benchEngine();
  const dir = mkdtempSync(join(tmpdir(), 'berth-bench-build-'));
  writeFileSync(join(dir, 'compose.yaml'), 'services:\n  app:\n    build: .\n');
  writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
  mkdirSync(join(dir, 'src'));
  for (let index = 0; index < CONTEXT_FILES; index++) {
    writeFileSync(join(dir, 'src', `module_${index}.py`), `# module ${index}\n${'x = 1\n'.repeat(50)}`);
  }
  const berthProject = `berth-bench-build-${process.pid}`;
  const composeProject = `berth-bench-build-ref-${process.pid}`;
  const times = {
    berthCold: [] as number[],
    berthWarm: [] as number[],
    composeCold: [] as number[],
    composeWarm: [] as number[],
  };
  const berthRound = async () => {
    times.berthCold.push(await timed(() => berthBuild(dir, berthProject, ['--no-cache'])));
    times.berthWarm.push(await timed(() => berthBuild(dir, berthProject, [])));
  };
  const composeRound = async () => {
    const compose = (...args: string[]) => exec('docker', ['compose', '-p', composeProject, ...args], { cwd: dir });
    times.composeCold.push(await timed(() => compose('build', '--no-cache')));
    times.composeWarm.push(await timed(() => compose('build')));
  };
  try {
    // One warm-up each (the first build fills the cache mount and loads the base image), not counted.
    await berthRound();
    await composeRound();
    for (const list of Object.values(times)) list.length = 0;
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        await berthRound();
        await composeRound();
      } else {
        await composeRound();
        await berthRound();
      }
    }
  } finally {
    for (const image of [`${berthProject}-app`, `${composeProject}-app`]) {
      await docker
        .getImage(image)
        .remove({ force: true })
        .catch(() => {});
    }
    rmSync(dir, { recursive: true, force: true });
  }
  const cold = { berth: median(times.berthCold), compose: median(times.composeCold) };
  const warm = { berth: median(times.berthWarm), compose: median(times.composeWarm) };
  const format = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
  return {
    name: 'build, multi-stage with a cache mount, 300-file context (cold + warm)',
    berthMs: cold.berth + warm.berth,
    referenceMs: cold.compose + warm.compose,
    ratio: (cold.berth + warm.berth) / (cold.compose + warm.compose),
    detail:
      `cold ratio ${(cold.berth / cold.compose).toFixed(2)} (Berth ms: ${format(times.berthCold)}; ` +
      `compose ms: ${format(times.composeCold)}); warm ratio ${(warm.berth / warm.compose).toFixed(2)} ` +
      `(Berth ms: ${format(times.berthWarm)}; compose ms: ${format(times.composeWarm)}); ${ROUNDS} alternating rounds`,
  };
}
