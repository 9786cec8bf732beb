/**
 * develop.watch latency: a file edited under a `sync` rule → the file in the running container, p50 and p95, for
 * Berth's watch (in-process) against `docker compose watch` (the CLI) on the same kind of project. Each edit writes
 * content of a new length; the container's copy is polled every 10 ms with the archive endpoint's stat (HEAD),
 * which runs nothing in the container. ratio = Berth p50 / Compose p50.
 */
import { spawn } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { ComposeEngine } from '../src/main/services/compose/engine/compose-engine';
import { loadProject } from '../src/main/services/compose/load';
import { startProjectWatch } from '../src/main/services/watch/project-watch';
import { TEST_IMAGE } from '../tests/support/require-engine';
import { benchEngine, type BenchResult, median } from './bench-kit';

const EDITS = 20;
const POLL_MS = 10;
const TIMEOUT_MS = 10_000;

// Compose 2.26 watches only services with a build section.
const COMPOSE_FILE = `services:
  app:
    build: .
    init: true
    command: ["sleep", "3600"]
    develop:
      watch:
        - {path: ./src, action: sync, target: /srv}
`;

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** Size of /srv/edit.txt in the container, or -1 while there is none. */
async function sizeInContainer(docker: Docker, container: string): Promise<number> {
  try {
    const response = (await docker.getContainer(container).infoArchive({ path: '/srv/edit.txt' })) as IncomingMessage;
    response.resume();
    const header = response.headers['x-docker-container-path-stat'];
    return typeof header === 'string'
      ? ((JSON.parse(Buffer.from(header, 'base64').toString()) as { size: number }).size ?? -1)
      : -1;
  } catch {
    return -1;
  }
}

/** Edits the file EDITS times; resolves with each edit's latency until the container has it. */
async function measure(docker: Docker, dir: string, container: string, startAt: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let edit = 0; edit < EDITS; edit++) {
    const size = startAt + edit;
    const started = performance.now();
    writeFileSync(join(dir, 'src', 'edit.txt'), 'x'.repeat(size));
    while ((await sizeInContainer(docker, container)) !== size) {
      if (performance.now() - started > TIMEOUT_MS)
        throw new Error(`edit ${edit} did not reach ${container} in ${TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    latencies.push(performance.now() - started);
    // Let the watcher go quiet before the next edit, so edits are not batched together.
    await new Promise((resolve) => setTimeout(resolve, 600));
  }
  return latencies;
}

function projectDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'berth-bench-watch-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'compose.yaml'), COMPOSE_FILE);
  writeFileSync(join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\n`);
  return dir;
}

export async function run(): Promise<BenchResult> {
  const docker = await benchEngine();
  const engine = new ComposeEngine(docker);
  const berthDir = projectDir();
  const composeDir = projectDir();
  const berthName = `berth-bench-watch-${process.pid}`;
  const composeName = `berth-bench-watch-ref-${process.pid}`;
  const berthProject = await loadProject({
    workingDir: berthDir,
    env: { PATH: process.env.PATH, COMPOSE_PROJECT_NAME: berthName },
  });
  const composeProject = await loadProject({
    workingDir: composeDir,
    env: { PATH: process.env.PATH, COMPOSE_PROJECT_NAME: composeName },
  });
  let composeWatch: ReturnType<typeof spawn> | null = null;
  try {
    await engine.up(berthProject);
    await engine.up(composeProject);
    const watch = await startProjectWatch({ docker, engine }, berthProject, { onStatus: () => {} });
    const berth = await measure(docker, berthDir, `${berthName}-app-1`, 1).finally(() => watch.stop());

    composeWatch = spawn('docker', ['compose', '-p', composeName, 'watch', '--no-up'], {
      cwd: composeDir,
      stdio: 'pipe',
    });
    let composeOutput = '';
    composeWatch.stdout?.on('data', (chunk: Buffer) => (composeOutput += chunk.toString()));
    composeWatch.stderr?.on('data', (chunk: Buffer) => (composeOutput += chunk.toString()));
    const ready = performance.now();
    while (!/watch enabled|Watch configuration/i.test(composeOutput)) {
      if (performance.now() - ready > TIMEOUT_MS)
        throw new Error(`docker compose watch did not start: ${composeOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const reference = await measure(docker, composeDir, `${composeName}-app-1`, 1);
    const format = (values: number[]) =>
      `p50 ${median(values).toFixed(0)} ms, p95 ${percentile(values, 0.95).toFixed(0)} ms`;
    return {
      name: 'watch: edit → file in the container (p50)',
      berthMs: median(berth),
      referenceMs: median(reference),
      ratio: median(berth) / median(reference),
      detail: `${EDITS} edits each; Berth ${format(berth)}; docker compose watch ${format(reference)}`,
    };
  } finally {
    composeWatch?.kill('SIGINT');
    await engine.down(berthProject).catch(() => {});
    await engine.down(composeProject).catch(() => {});
    for (const name of [berthName, composeName])
      await docker
        .getImage(`${name}-app`)
        .remove({ force: true })
        .catch(() => {});
    rmSync(berthDir, { recursive: true, force: true });
    rmSync(composeDir, { recursive: true, force: true });
  }
}
