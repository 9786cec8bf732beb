/**
 * `berth logs` against `docker logs` on the same container, which printed 1,000,000 lines. Both write into a pipe
 * read by `wc -c` (and print the same bytes: Berth without prefixes). The rate ratio is the time ratio inverted:
 * ratio = berthMs / referenceMs, so ≤ 1.11 meets the goal of ≥ 0.9 of docker's rate.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogsCommand } from '../src/main/cli/commands/logs';
import { TEST_IMAGE } from '../tests/support/require-engine';
import { benchEngine, type BenchResult, median } from './bench-kit';

const LINES = 1_000_000;
const ROUNDS = 3;

/** A `wc -c` child: what was written into its stdin, counted by the kernel's pipe and a separate process. */
function byteCounter(): { stdin: Writable; bytes: Promise<number> } {
  const child = spawn('wc', ['-c'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const bytes = new Promise<number>((resolve) => child.on('close', () => resolve(Number(out.trim()))));
  return { stdin: child.stdin, bytes };
}

async function timeBerth(project: string): Promise<{ ms: number; bytes: number; cpuMs: number }> {
  const counter = byteCounter();
  const stderr = new Writable({ write: (chunk, _encoding, callback) => (process.stderr.write(chunk), callback()) });
  const context = { cwd: process.cwd(), env: process.env, stdout: counter.stdin, stderr, isTty: false };
  const start = performance.now();
  const cpu = process.cpuUsage();
  const code = await createLogsCommand().run(['-p', project, '--no-log-prefix'], context);
  await new Promise<void>((resolve) => counter.stdin.end(resolve));
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (code !== 0) throw new Error(`berth logs exited with ${code}`);
  return { ms, bytes: await counter.bytes, cpuMs: (used.user + used.system) / 1000 };
}

async function timeDocker(id: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const child = spawn('sh', ['-c', `docker logs ${id} | wc -c`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.on('close', resolve));
  return { ms: performance.now() - start, bytes: Number(out.trim()) };
}

export async function run(): Promise<BenchResult> {
  const docker = await benchEngine();
  const project = `berth-bench-logs-${randomUUID().slice(0, 8)}`;
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    name: `${project}-printer-1`,
    Cmd: ['seq', '1', String(LINES)],
    Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': 'printer' },
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    await container.start();
    await container.wait();
    const berth: number[] = [];
    const reference: number[] = [];
    const cpu: number[] = [];
    let bytes = { berth: 0, docker: 0 };
    // Alternate, so drift on the machine (and the engine's page cache) affects both alike.
    for (let round = 0; round < ROUNDS; round++) {
      const theirs = await timeDocker(container.id);
      const ours = await timeBerth(project);
      reference.push(theirs.ms);
      berth.push(ours.ms);
      cpu.push(ours.cpuMs);
      bytes = { berth: ours.bytes, docker: theirs.bytes };
    }
    if (bytes.berth !== bytes.docker)
      throw new Error(`output differs: Berth ${bytes.berth} bytes, docker ${bytes.docker}`);
    const berthMs = median(berth);
    const referenceMs = median(reference);
    const rate = (ms: number) => Math.round(LINES / (ms / 1000)).toLocaleString('en-US');
    return {
      name: `berth logs vs docker logs, ${LINES.toLocaleString('en-US')} lines (median of ${ROUNDS})`,
      berthMs,
      referenceMs,
      ratio: berthMs / referenceMs,
      detail:
        `Berth ${rate(berthMs)} lines/s vs docker ${rate(referenceMs)} lines/s: rate ratio ` +
        `${(referenceMs / berthMs).toFixed(2)} (goal ≥ 0.9); ${bytes.berth.toLocaleString('en-US')} identical bytes; ` +
        `Berth's own CPU ${median(cpu).toFixed(0)} ms (the engine reading its json-file log dominates both); ` +
        `runs Berth [${berth.map((ms) => ms.toFixed(0)).join(', ')}] ms, docker [${reference.map((ms) => ms.toFixed(0)).join(', ')}] ms`,
    };
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}
