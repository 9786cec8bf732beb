/**
 * One suite, run over every way Berth reaches an engine: the local unix socket, ssh (a real OpenSSH server in
 * front of the machine's engine), tcp+TLS (a private dockerd with --tlsverify) and Podman's API socket. Each runs
 * the engine-facing operations as a user would, through `berth` processes: up with a healthcheck and depends_on,
 * ps, logs, exec, volumes, a build (classic builder, context uploaded over the transport), down.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineClient, type EngineClient } from '../../../src/main/services/docker/docker-client';
import { resolveEndpoint } from '../../../src/main/services/docker/resolve-endpoint';
import { PodmanHealthTicker } from '../../../src/main/services/remote/podman-health-ticker';
import { privatePodmanUnsupportedReason, startPrivatePodman } from '../../support/podman/private-podman';
import { skipWithoutPrivateDockerd } from '../../support/private-dockerd';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { runBerth } from '../../support/spawn-berth';
import { skipWithoutSshd } from '../../support/ssh/private-sshd';
import { startSshEngine } from '../../support/ssh/ssh-engine';
import { startTlsEngine } from '../../support/tls/tls-engine';

const engine = await requireEngine();

interface Transport {
  name: string;
  skip: boolean;
  /** The environment `berth` runs with for this engine, and how to let go of it. */
  start(): Promise<{ env: NodeJS.ProcessEnv; dispose(): Promise<void>; podman?: boolean }>;
}

const {
  DOCKER_HOST: _host,
  DOCKER_CONTEXT: _context,
  DOCKER_CERT_PATH: _certs,
  DOCKER_TLS_VERIFY: _verify,
  ...baseEnv
} = process.env;
const podmanUnsupported = privatePodmanUnsupportedReason();
if (podmanUnsupported && process.env.BERTH_REQUIRE_DOCKER !== '1')
  console.warn(`[integration] podman skipped: ${podmanUnsupported}`);

const transports: Transport[] = [
  {
    name: 'unix',
    skip: false,
    start: async () => ({ env: { ...baseEnv, DOCKER_HOST: 'unix:///var/run/docker.sock' }, dispose: async () => {} }),
  },
  {
    name: 'ssh',
    skip: skipWithoutSshd(),
    start: async () => {
      const ssh = await startSshEngine();
      return { env: ssh.env, dispose: () => ssh.dispose() };
    },
  },
  {
    name: 'tls',
    skip: skipWithoutPrivateDockerd(),
    start: async () => {
      const tls = await startTlsEngine();
      return { env: { ...baseEnv, ...tls.env }, dispose: () => tls.dispose() };
    },
  },
  {
    name: 'podman',
    skip: podmanUnsupported !== null && process.env.BERTH_REQUIRE_DOCKER !== '1',
    start: async () => {
      const podman = await startPrivatePodman();
      return { env: { ...baseEnv, DOCKER_HOST: podman.dockerHost }, dispose: () => podman.dispose(), podman: true };
    },
  },
];

const COMPOSE = `services:
  db:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; echo db-ready; touch /tmp/ready; sleep 3600 & wait"]
    healthcheck:
      test: ["CMD", "test", "-f", "/tmp/ready"]
      interval: 1s
      retries: 30
    volumes:
      - data:/data
  app:
    build: ./app
    command: ["sh", "-c", "trap 'exit 0' TERM; cat /built; echo app-started; sleep 3600 & wait"]
    depends_on:
      db:
        condition: service_healthy
volumes:
  data: {}
`;

describe.each(transports)('over $name', (transport) => {
  const project = `berth-h3-matrix-${transport.name}-${process.pid}`;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let client: EngineClient;
  let dispose: () => Promise<void> = async () => {};
  let ticker: PodmanHealthTicker | null = null;
  const berth = (args: string[], exitWithinMs = 60_000) =>
    runBerth(['-p', project, ...args], { env, cwd: dir, exitWithinMs });

  beforeAll(async () => {
    if (!engine.available || transport.skip) return;
    dir = mkdtempSync(join(tmpdir(), 'berth-matrix-'));
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'compose.yaml'), COMPOSE);
    writeFileSync(join(dir, 'app', 'Dockerfile'), `FROM ${TEST_IMAGE}\nCOPY note.txt /built\n`);
    writeFileSync(join(dir, 'app', 'note.txt'), `built over ${transport.name}\n`);
    const started = await transport.start();
    env = started.env;
    dispose = started.dispose;
    client = createEngineClient(resolveEndpoint({ env, homeDir: env.HOME ?? tmpdir() }).target);
    if (started.podman) {
      // Podman schedules healthchecks with systemd timers, which this machine (like most containers) lacks.
      ticker = new PodmanHealthTicker(client.docker, { tickMs: 500 });
      ticker.start();
    }
  }, 180_000);

  afterAll(async () => {
    ticker?.stop();
    if (env) await berth(['down', '-v']).catch(() => undefined);
    await client?.docker
      .getImage(`${project}-app`)
      .remove()
      .catch(() => undefined);
    client?.close();
    await dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it.skipIf(!engine.available || transport.skip)(
    'runs a project end to end',
    async () => {
      const up = await berth(['up', '-d'], 180_000);
      expect(up.code, `${up.stdout}\n${up.stderr}`).toBe(0);

      const ps = await berth(['ps', '--json']);
      expect(ps.code, ps.stderr).toBe(0);
      const rows = JSON.parse(ps.stdout) as Array<{ service: string; state: string; health: string | null }>;
      expect(rows.map((row) => [row.service, row.state]).sort()).toEqual([
        ['app', 'running'],
        ['db', 'running'],
      ]);
      expect(rows.find((row) => row.service === 'db')?.health).toBe('healthy');

      const logs = await berth(['logs', '--no-color', 'app']);
      expect(logs.code, logs.stderr).toBe(0);
      expect(logs.stdout).toContain(`built over ${transport.name}`);
      expect(logs.stdout).toContain('app-started');

      const exec = await berth(['exec', '-T', 'db', 'sh', '-c', 'cat /tmp/ready && echo in-db; exit 3']);
      expect(exec.stdout).toContain('in-db');
      expect(exec.code).toBe(3);

      const volumes = await runBerth(['volumes', 'ls', '--json'], { env, exitWithinMs: 60_000 });
      expect(volumes.code, volumes.stderr).toBe(0);
      expect(volumes.stdout).toContain(`${project}_data`);

      const down = await berth(['down', '-v'], 120_000);
      expect(down.code, down.stderr).toBe(0);
      const left = await client.docker.listContainers({
        all: true,
        filters: { label: [`com.docker.compose.project=${project}`] },
      });
      expect(left).toEqual([]);
    },
    240_000,
  );

  it.skipIf(!engine.available || transport.skip)('never follows a redirect the engine answers with', async () => {
    const hits: string[] = [];
    const victim = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('{}');
    });
    await new Promise<void>((resolve) => victim.listen(0, '127.0.0.1', resolve));
    const port = (victim.address() as { port: number }).port;
    try {
      // The engine's router cleans `..` out of the path and answers with a redirect to the cleaned one, whose
      // host part the caller chose (issue 20.8).
      await expect(client.docker.getContainer(`../127.0.0.1:${port}/x?`).inspect()).rejects.toBeDefined();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(hits).toEqual([]);
    } finally {
      await new Promise((resolve) => victim.close(resolve));
    }
  });
});
