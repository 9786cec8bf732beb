/**
 * `berth stack …` as a user runs it (the built CLI, spawned), against a private one-node swarm: exit codes, what it
 * prints, and a bound on how long each command may take to exit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBerth, type BerthRun } from '../../support/spawn-berth';
import { skipWithoutPrivateDockerd } from '../../support/private-dockerd';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { startSwarmEngine, type SwarmEngine } from '../../support/swarm/swarm-engine';
import { dockerCli, projectDir } from '../../support/swarm/stack-fixtures';

const engine = await requireEngine();

const COMPOSE = `
services:
  app:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "echo hello from app; while true; do sleep 1; done"]
    deploy: {replicas: 2, endpoint_mode: dnsrr}
    secrets: [token]
    build: .
secrets:
  token: {file: ./token.txt}
`;

describe.skipIf(!engine.available || skipWithoutPrivateDockerd())('berth stack (spawned)', () => {
  let swarm: SwarmEngine;
  const project = projectDir({ 'compose.yaml': COMPOSE, 'token.txt': 'fake\n', Dockerfile: 'FROM scratch\n' });
  const berth = (args: string[], exitWithinMs = 30_000): Promise<BerthRun> =>
    runBerth(args, {
      cwd: project.dir,
      env: { ...process.env, DOCKER_HOST: swarm.dockerHost, DOCKER_CONTEXT: '' },
      exitWithinMs,
    });

  beforeAll(async () => {
    swarm = await startSwarmEngine({ name: 'h4-cli', images: [TEST_IMAGE], source: engine.docker });
  });
  afterAll(async () => {
    await swarm?.dispose();
    project.dispose();
  });

  it('deploys, waiting for the tasks, and says what Swarm ignores', async () => {
    const run = await berth(['stack', 'deploy', '-c', 'compose.yaml', '--detach=false', 'demo'], 60_000);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Ignoring service "app": build: Swarm does not build images');
    expect(run.stdout).toContain('Creating secret demo_token');
    expect(run.stdout).toContain('Creating network demo_default');
    expect(run.stdout).toContain('Creating service demo_app');
    expect(run.stdout).toContain('All services converged');
    const again = await berth(['stack', 'deploy', '-c', 'compose.yaml', 'demo']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Stack demo is up to date');
  });

  it('lists stacks, services and tasks, as tables and as JSON', async () => {
    const ls = await berth(['stack', 'ls']);
    expect([ls.code, ls.stdout]).toEqual([0, 'NAME   SERVICES\ndemo   1\n']);
    const services = await berth(['stack', 'services', '--json', 'demo']);
    expect(services.code).toBe(0);
    expect(JSON.parse(services.stdout)).toEqual([
      expect.objectContaining({ name: 'demo_app', desired: 2, running: 2, stack: 'demo' }),
    ]);
    const ps = await berth(['stack', 'ps', 'demo']);
    expect(ps.code).toBe(0);
    expect(ps.stdout).toMatch(/demo_app\.1 .* Running +Running/);
    expect(ps.stdout).toMatch(/demo_app\.2 .* Running +Running/);
    const cli = await dockerCli(swarm.dockerHost, ['stack', 'ls', '--format', '{{.Name}}:{{.Services}}']);
    expect(cli.stdout.trim()).toBe('demo:1');
  });

  it('scales, rolls back and shows the merged logs of a service', async () => {
    const scale = await berth(['stack', 'scale', 'demo_app=3']);
    expect([scale.code, scale.stdout]).toEqual([0, 'demo_app scaled to 3\n']);
    const rollback = await berth(['stack', 'rollback', 'demo_app']);
    expect([rollback.code, rollback.stdout]).toEqual([0, 'demo_app rolled back\n']);
    const logs = await berth(['stack', 'logs', '--no-log-prefix', 'demo_app']);
    expect(logs.code).toBe(0);
    expect(logs.stdout.split('\n').filter((line) => line === 'hello from app').length).toBeGreaterThanOrEqual(2);
  });

  it('exits 2 on usage errors, 1 on a bad stack name, 14 on a missing secret file', async () => {
    expect((await berth(['stack', 'deploy'])).code).toBe(2);
    expect((await berth(['stack', 'frobnicate'])).code).toBe(2);
    expect((await berth(['stack', 'scale', 'demo_app'])).code).toBe(2);
    const badName = await berth(['stack', 'deploy', '-c', 'compose.yaml', 'bad.name']);
    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain('Invalid stack name "bad.name"');
    const missing = projectDir({ 'compose.yaml': COMPOSE });
    try {
      const run = await runBerth(['stack', 'deploy', '-c', 'compose.yaml', 'nosecret'], {
        cwd: missing.dir,
        env: { ...process.env, DOCKER_HOST: swarm.dockerHost },
      });
      expect(run.code).toBe(14);
      expect(run.stderr).toMatch(/Secret "token" \(used by service "app"\): the file .*token\.txt does not exist/);
    } finally {
      missing.dispose();
    }
  });

  it('removes the stack and says when there is none', async () => {
    const rm = await berth(['stack', 'rm', 'demo'], 60_000);
    expect(rm.code).toBe(0);
    expect(rm.stdout).toContain('Removing service demo_app');
    expect(rm.stdout).toContain('Removing network demo_default');
    const again = await berth(['stack', 'rm', 'demo']);
    expect([again.code, again.stderr]).toEqual([1, 'Nothing found in stack: demo\n']);
    expect((await berth(['stack', 'ls'])).stdout).toBe('NAME   SERVICES\n');
  });
});

describe.skipIf(!engine.available)('berth stack on an engine that is not a swarm manager', () => {
  it('exits 1 and says how to get a swarm', async () => {
    const run = await runBerth(['stack', 'ls'], { exitWithinMs: 15_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/swarm/i);
    expect(run.stderr).toContain('Fix: Connect Berth to a swarm manager');
  });
});
