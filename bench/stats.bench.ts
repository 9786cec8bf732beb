/**
 * `npm run bench stats`: the cost of watching 20 running containers, Berth against `docker stats`, same run, same
 * containers, same duration, in alternating rounds.
 * - Berth: the stats stream as the main process runs it (EngineConnection, StatsSampler, createStatsSource, the
 *   project selected, one-shot polling every 2 s, the UI's interval), in a child Node process.
 * - Reference: `docker stats` showing the same 20 containers (it streams every container's stats every second).
 * Cost = CPU time of that process + of the engine (the dockerd that serves DOCKER_HOST, its containerd, and the
 * shims of the 20 containers), read from /proc/<pid>/stat. A round with nothing watching measures the engine's
 * background (other work on a shared engine) and is subtracted from both. Also measured: Berth with the streaming
 * reader (what `docker stats` does, from Node) and at 1 s, and the idle cost with no view open (goal < 1 % of a core).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { COMPOSE_LABELS } from '../src/main/services/compose/labels';
import { EngineConnection } from '../src/main/services/docker/engine-connection';
import { createStatsSource } from '../src/main/services/stats/stats-source';
import { StatsSampler } from '../src/main/services/stats/stats-sampler';
import { oneShotReader, streamingReader } from '../src/main/services/stats/stats-reader';
import { TEST_IMAGE } from '../tests/support/require-engine';
import { benchEngine, median, type BenchResult } from './bench-kit';

const CONTAINERS = 20;
const ROUND_MS = 10_000;
const ROUNDS = 3;
const WARM_UP_MS = 2_000;
const CLOCK_TICKS = 100;
const CHILD_MODE = 'BERTH_STATS_BENCH_CHILD';

/** utime + stime of a process in ms; 0 when it is gone. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

function processes(): Array<{ pid: number; ppid: number; comm: string; cmdline: string }> {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
        return [{ pid: Number(entry), ppid, comm, cmdline }];
      } catch {
        return [];
      }
    });
}

/** The engine's processes: the dockerd listening on the socket, its containerd, and the shims of `ids`. */
async function enginePids(ids: readonly string[]): Promise<number[]> {
  const socket = (process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock').replace(/^unix:\/\//, '');
  const { stdout } = await promisify(execFile)('ss', ['-xlpn']);
  const line = stdout.split('\n').find((row) => row.includes(` ${socket} `));
  const dockerd = Number(/pid=(\d+)/.exec(line ?? '')?.[1]);
  if (!dockerd) throw new Error(`no process listens on ${socket} (ss -xlpn)`);
  const all = processes();
  const containerd = all.filter((p) => p.ppid === dockerd && p.comm === 'containerd').map((p) => p.pid);
  const shims = all.filter((p) => p.comm.startsWith('containerd-shim') && ids.some((id) => p.cmdline.includes(id)));
  return [dockerd, ...containerd, ...shims.map((p) => p.pid)];
}

const sumCpu = (pids: readonly number[]) => pids.reduce((sum, pid) => sum + cpuMsOf(pid), 0);

interface Measured {
  /** CPU ms of the watcher itself (Berth's process, or the docker CLI). */
  watcher: number;
  engine: number;
}

/** A watcher process, and when it has shown its first figures. */
interface Watcher {
  child: ChildProcess;
  ready: Promise<void>;
}

/** Runs `start` (a watcher, or none), waits out the warm-up, then measures one round. */
async function measure(engine: number[], start: (() => Watcher) | null): Promise<Measured> {
  const watcher = start?.();
  const child = watcher?.child;
  try {
    if (watcher) await watcher.ready;
    await sleep(WARM_UP_MS);
    const [watcher0, engine0] = [child ? cpuMsOf(child.pid!) : 0, sumCpu(engine)];
    await sleep(ROUND_MS);
    return { watcher: (child ? cpuMsOf(child.pid!) : 0) - watcher0, engine: sumCpu(engine) - engine0 };
  } finally {
    if (child) await stop(child);
  }
}

/** Resolves once the child printed `text` (or anything, without one). */
function printed(child: ChildProcess, text = ''): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`the watcher never printed "${text}": ${seen.slice(-500)}`)),
      60_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** SIGTERM, then SIGKILL after 3 s: a watcher that doesn't stop must not hang the bench. */
function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Berth's sampling as the main process runs it, in a process of its own so its CPU can be read. */
function berthWatcher(project: string, mode: 'poll' | 'stream' | 'idle', intervalMs: number): Watcher {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename], {
    env: { ...process.env, [CHILD_MODE]: JSON.stringify({ project, mode, intervalMs }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return { child, ready: printed(child, 'ready') };
}

/** `docker stats` showing the 20 containers; its output goes nowhere but is produced (it redraws every second). */
function dockerStats(names: string[]): Watcher {
  const child = spawn('docker', ['stats', ...names], { stdio: ['ignore', 'pipe', 'inherit'] });
  return { child, ready: printed(child) };
}

async function childMain(settings: { project: string; mode: 'poll' | 'stream' | 'idle'; intervalMs: number }) {
  const connection = new EngineConnection({ env: process.env, homeDir: homedir() });
  await connection.start();
  const sampler = new StatsSampler({
    getDocker: () => connection.getDocker(),
    intervalMs: settings.intervalMs,
    reader: settings.mode === 'stream' ? streamingReader : oneShotReader,
  });
  const selection = settings.mode === 'idle' ? {} : { projects: [settings.project] };
  const source = createStatsSource({ engine: connection, sampler }, { selection });
  let said = settings.mode === 'idle';
  if (said) process.stdout.write('ready\n');
  source.start({
    emit: (message) => {
      if (!said && message.type === 'samples') {
        said = true;
        process.stdout.write('ready\n');
      }
    },
    end: () => {},
  });
  process.once('SIGTERM', () => {
    source.dispose();
    sampler.dispose();
    void connection.stop().then(() => process.exit(0));
  });
}

async function startContainers(docker: Docker, project: string): Promise<Docker.Container[]> {
  const containers: Docker.Container[] = [];
  for (let i = 1; i <= CONTAINERS; i++) {
    const container = await docker.createContainer({
      Image: TEST_IMAGE,
      name: `${project}-worker-${i}`,
      // A little work, so the numbers move: a tick of CPU every second.
      Cmd: ['sh', '-c', 'while :; do i=0; while [ $i -lt 200 ]; do i=$((i+1)); done; sleep 1; done'],
      Labels: { [COMPOSE_LABELS.project]: project, [COMPOSE_LABELS.service]: 'worker' },
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
    containers.push(container);
  }
  return containers;
}

export async function run(): Promise<BenchResult> {
  const docker = await benchEngine();
  const project = `berth-bench-stats-${process.pid}`;
  const containers = await startContainers(docker, project);
  try {
    const ids = containers.map((container) => container.id);
    const names = ids.map((_, i) => `${project}-worker-${i + 1}`);
    const engine = await enginePids(ids);
    const runs: Record<'baseline' | 'berth' | 'docker' | 'stream' | 'fast', Measured[]> = {
      baseline: [],
      berth: [],
      docker: [],
      stream: [],
      fast: [],
    };
    for (let round = 0; round < ROUNDS; round++) {
      runs.baseline.push(await measure(engine, null));
      runs.berth.push(await measure(engine, () => berthWatcher(project, 'poll', 2_000)));
      runs.docker.push(await measure(engine, () => dockerStats(names)));
      if (round === 0) {
        runs.stream.push(await measure(engine, () => berthWatcher(project, 'stream', 2_000)));
        runs.fast.push(await measure(engine, () => berthWatcher(project, 'poll', 1_000)));
      }
    }
    const idle = await measure(engine, () => berthWatcher(project, 'idle', 2_000));
    const baseline = median(runs.baseline.map((m) => m.engine));
    const total = (list: Measured[]) => median(list.map((m) => m.watcher + Math.max(0, m.engine - baseline)));
    const part = (list: Measured[], key: keyof Measured) => median(list.map((m) => m[key])).toFixed(0);
    const berthMs = total(runs.berth);
    const referenceMs = total(runs.docker);
    const idlePercent = (idle.watcher / ROUND_MS) * 100;
    const perSecond = (ms: number) => `${((ms / ROUND_MS) * 100).toFixed(1)}% of a core`;
    return {
      name: `stats of ${CONTAINERS} containers: Berth (2 s one-shot polling) vs docker stats, CPU over ${ROUND_MS / 1000} s (median of ${ROUNDS})`,
      berthMs,
      referenceMs,
      ratio: berthMs / referenceMs,
      detail:
        `Berth ${berthMs.toFixed(0)} ms (${perSecond(berthMs)}; its process ${part(runs.berth, 'watcher')} ms, engine ` +
        `${part(runs.berth, 'engine')} ms) vs docker stats ${referenceMs.toFixed(0)} ms (${perSecond(referenceMs)}; CLI ` +
        `${part(runs.docker, 'watcher')} ms, engine ${part(runs.docker, 'engine')} ms); engine background ` +
        `${baseline.toFixed(0)} ms subtracted (goal ratio ≤ 0.5). Berth with a streaming reader: ${total(runs.stream).toFixed(0)} ms; ` +
        `one-shot every 1 s: ${total(runs.fast).toFixed(0)} ms. Idle (no view open): ${idlePercent.toFixed(2)}% of a core (goal < 1%).`,
    };
  } finally {
    await Promise.all(containers.map((container) => container.remove({ force: true }).catch(() => undefined)));
  }
}

if (process.env[CHILD_MODE]) void childMain(JSON.parse(process.env[CHILD_MODE]));
