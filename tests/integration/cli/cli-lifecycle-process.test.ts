/**
 * The Compose commands as a user runs them: spawned processes against the real engine, each with an exit bound.
 * Errors read once and say what to do; operations on one project are exclusive across processes, and a holder that
 * was killed doesn't block the next one.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { runBerth } from '../../support/spawn-berth';
import { removeProjectResources } from '../compose-engine/support';

const engine = await requireEngine();

describe.skipIf(!engine.available)('berth compose commands as processes', () => {
  const name = `berth-it-cliproc-${process.pid}`;
  let dir: string;
  let stateHome: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-cli-proc-'));
    stateHome = mkdtempSync(path.join(tmpdir(), 'berth-cli-state-'));
    env = { ...process.env, XDG_STATE_HOME: stateHome, COMPOSE_PROJECT_NAME: name };
    // `slow` becomes healthy only after ~4 s, so `up --wait` holds the project for that long.
    writeFileSync(
      path.join(dir, 'compose.yaml'),
      [
        'services:',
        '  slow:',
        `    image: ${TEST_IMAGE}`,
        "    command: ['sh', '-c', 'sleep 4; touch /tmp/ready; sleep 600']",
        '    healthcheck:',
        "      test: ['CMD', 'test', '-f', '/tmp/ready']",
        '      interval: 500ms',
        '      retries: 40',
        '    stop_grace_period: 1s',
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await removeProjectResources(engine.docker, name);
    rmSync(dir, { recursive: true, force: true });
    rmSync(stateHome, { recursive: true, force: true });
  });

  it('refuses a second operation on the project while another process runs one, naming that process', async () => {
    let firstPid = 0;
    const first = runBerth(['up', '--wait'], {
      cwd: dir,
      env,
      exitWithinMs: 60_000,
      onSpawn: (child) => (firstPid = child.pid!),
    });
    // The lock file appears once the first `up` has started its operation.
    await waitFor(() => lockHeld(stateHome), 20_000);
    const second = await runBerth(['down'], { cwd: dir, env, exitWithinMs: 20_000 });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(
      `project "${name}" is busy: up is still running in another Berth process (pid ${firstPid})`,
    );
    expect((await first).code).toBe(0);
    const down = await runBerth(['down'], { cwd: dir, env, exitWithinMs: 30_000 });
    expect(down.code).toBe(0);
  });

  it('takes over the lock of a process that was killed in the middle of an operation', async () => {
    const killed = runBerth(['up', '--wait'], {
      cwd: dir,
      env,
      exitWithinMs: 60_000,
      onSpawn: (child) => void waitFor(() => lockHeld(stateHome), 20_000).then(() => child.kill('SIGKILL')),
    });
    expect((await killed).signal).toBe('SIGKILL');
    expect(lockHeld(stateHome)).toBe(true);
    const next = await runBerth(['up', '--wait'], { cwd: dir, env, exitWithinMs: 60_000 });
    expect(next.stderr).not.toContain('busy');
    expect(next.code).toBe(0);
    expect((await runBerth(['down'], { cwd: dir, env, exitWithinMs: 30_000 })).code).toBe(0);
  });

  it('says once why an image could not be pulled, and what to do', async () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'berth-cli-pull-'));
    try {
      writeFileSync(path.join(broken, 'compose.yaml'), 'services:\n  app:\n    image: 127.0.0.1:1/berth/nothing:1\n');
      const run = await runBerth(['up'], {
        cwd: broken,
        env: { ...env, COMPOSE_PROJECT_NAME: `${name}-pull` },
        exitWithinMs: 60_000,
      });
      expect(run.code).not.toBe(0);
      const output = run.stdout + run.stderr;
      const mentions = output.split('127.0.0.1:1/berth/nothing:1').length - 1;
      expect(output).toMatch(/Fix: /);
      expect(mentions).toBeLessThanOrEqual(2); // the progress row, and the error shown once against the service
      expect(output).not.toContain('Unexpected error');
    } finally {
      await removeProjectResources(engine.docker, `${name}-pull`);
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('gives ps and ls the engine diagnosis when no engine answers', async () => {
    for (const command of ['ps', 'ls']) {
      const run = await runBerth([command], {
        cwd: dir,
        env: { ...env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
        exitWithinMs: 20_000,
      });
      expect(run.code, run.stderr).not.toBe(0);
      expect(run.stderr).toContain('cannot reach the Docker engine at unix:///nonexistent/docker.sock');
      expect(run.stderr).toMatch(/Fix: /);
      expect(run.stderr).not.toContain('Unexpected error');
    }
  });
});

function lockHeld(stateHome: string): boolean {
  const locks = path.join(stateHome, 'berth', 'locks');
  if (!existsSync(locks)) return false;
  return readdirSync(locks).some((engineDir) =>
    readdirSync(path.join(locks, engineDir)).some((file) => file.endsWith('.lock')),
  );
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
