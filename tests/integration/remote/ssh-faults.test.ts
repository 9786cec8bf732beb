/**
 * The ssh connection drops (the private sshd and every session it accepted are stopped) and comes back: Berth
 * reconnects within 5 s, a `berth logs -f` resumes without losing or repeating a line, and an `up` cut off half way
 * converges on the next run with no orphans.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineState } from '@shared/schemas/engine';
import { EngineConnection } from '../../../src/main/services/docker/engine-connection';
import { waitForState } from '../../support/engine-waits';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { runBerth } from '../../support/spawn-berth';
import { skipWithoutSshd } from '../../support/ssh/private-sshd';
import { startSshEngine, type SshEngine } from '../../support/ssh/ssh-engine';

const engine = await requireEngine();
const skip = !engine.available || skipWithoutSshd();
const BERTH_BIN = resolve(__dirname, '../../../bin/berth.js');

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe.skipIf(skip)('ssh connection faults', () => {
  let ssh: SshEngine;
  let dir: string;
  const project = `berth-h3-faults-${process.pid}`;
  const berth = (args: string[], exitWithinMs = 90_000) =>
    runBerth(['-p', project, ...args], { env: ssh.env, cwd: dir, exitWithinMs });

  beforeAll(async () => {
    ssh = await startSshEngine();
    dir = mkdtempSync(join(tmpdir(), 'berth-faults-'));
    const services = ['counter', ...Array.from({ length: 5 }, (_, index) => `s${index}`)];
    writeFileSync(
      join(dir, 'compose.yaml'),
      [
        'services:',
        ...services.flatMap((name) => [
          `  ${name}:`,
          `    image: ${TEST_IMAGE}`,
          name === 'counter'
            ? `    command: ["sh", "-c", "trap 'exit 0' TERM; i=0; while true; do echo line-$$i; i=$$((i+1)); sleep 0.05; done"]`
            : `    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]`,
        ]),
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    if (ssh) await ssh.sshd.start().catch(() => undefined);
    if (dir && ssh) await berth(['down']).catch(() => undefined);
    await ssh?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('reconnects within 5 s of sshd coming back', async () => {
    const connection = new EngineConnection({ env: ssh.env, homeDir: ssh.home });
    const states: EngineState[] = [];
    connection.onStateChange((state) => states.push(state));
    try {
      await connection.start();
      expect(connection.getState()).toMatchObject({ status: 'connected', endpoint: { kind: 'ssh' } });
      await ssh.sshd.stop();
      const lost = await waitForState(connection, (state) => state.status !== 'connected', 10_000);
      expect(lost.reason).toMatch(/\S/);
      await sleep(1_000);
      const back = Date.now();
      await ssh.sshd.start();
      await waitForState(connection, (state) => state.status === 'connected', 5_000);
      expect(Date.now() - back).toBeLessThanOrEqual(5_000);
      expect(connection.getClient().ssh?.stats.connections).toBe(1);
    } finally {
      await connection.stop();
    }
  }, 60_000);

  it('an `up` cut off by the drop converges on the next run, with no orphans', async () => {
    const first = runBerth(['-p', project, 'up', '-d'], { env: ssh.env, cwd: dir, exitWithinMs: 90_000 });
    await sleep(1_500);
    await ssh.sshd.stop();
    const cut = await first;
    await ssh.sshd.start();
    // Whether the drop caught it half way or just after, the second run must end with exactly one container each.
    expect([0, 1, 17]).toContain(cut.code);
    const second = await berth(['up', '-d']);
    expect(second.code, second.stderr).toBe(0);
    const rows = JSON.parse((await berth(['ps', '--json'])).stdout) as Array<{ service: string; state: string }>;
    expect(rows.map((row) => row.service).sort()).toEqual(['counter', 's0', 's1', 's2', 's3', 's4']);
    expect(rows.every((row) => row.state === 'running')).toBe(true);
  }, 180_000);

  it('`berth logs -f` resumes after the drop without losing or repeating a line', async () => {
    const child = spawn(process.execPath, [BERTH_BIN, '-p', project, 'logs', '-f', '--no-log-prefix', 'counter'], {
      env: ssh.env,
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      await sleep(2_000);
      await ssh.sshd.stop();
      await sleep(1_500);
      await ssh.sshd.start();
      const before = output.length;
      // Lines printed by the container while ssh was down must arrive once it is back.
      for (let waited = 0; waited < 15_000 && output.length === before; waited += 250) await sleep(250);
      await sleep(2_000);
    } finally {
      child.kill('SIGINT');
    }
    const code = await Promise.race([exited, sleep(10_000).then(() => 'still running')]);
    expect(code, errors).toBe(0);
    const numbers = output
      .split('\n')
      .filter((line) => line.startsWith('line-'))
      .map((line) => Number(line.slice(5)));
    expect(numbers.length, errors).toBeGreaterThan(60);
    const expected = Array.from({ length: numbers.length }, (_, index) => numbers[0]! + index);
    expect(numbers).toEqual(expected);
  }, 90_000);
});
