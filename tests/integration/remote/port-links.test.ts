/**
 * `engines.openPort` as the app calls it (through the contract's validation) on an ssh engine: a real OpenSSH server
 * in front of the machine's engine, a busybox httpd published on the engine's host, reached through the tunnel with a
 * real HTTP GET; the tunnel reused, closed when the container stops and when the app switches engines. On a remote
 * tcp engine (the machine's engine behind a tcp listener on 127.0.0.2, which Berth takes for another host) the link
 * goes to the engine's host.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorPayload, Result } from '@shared/errors';
import type { Desktop } from '../../../src/main/handlers/desktop';
import { enginesHandlers } from '../../../src/main/handlers/engines';
import type { OperationHandlers } from '../../../src/main/handlers/handler-types';
import { dispatch } from '../../../src/main/ipc/core/dispatch';
import { createServices, type BerthServices } from '../../../src/main/services/create-services';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { startTcpEngineProxy, type TcpEngineProxy } from '../../support/tcp-engine-proxy';
import { skipWithoutSshd } from '../../support/ssh/private-sshd';
import { startSshEngine, type SshEngine } from '../../support/ssh/ssh-engine';

const engine = await requireEngine();
const skip = !engine.available || skipWithoutSshd();

interface OpenedPort {
  url: string;
  mapping: string | null;
  via: 'tunnel' | 'direct';
  opened: boolean;
}

const LABEL = `org.berth.test=port-links-${process.pid}`;

/** GETs `url`, retrying while httpd starts; '' when nothing answers. */
async function get(url: string, attempts = 30): Promise<string> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const body = await fetch(url, { signal: AbortSignal.timeout(3_000) })
      .then((response) => response.text())
      .catch(() => '');
    if (body) return body;
    await new Promise((done) => setTimeout(done, 100));
  }
  return '';
}

/** busybox httpd on container port 8080, published on a free port of `hostIp` on the engine's host. */
async function startHttpd(
  docker: Docker,
  text: string,
  hostIp = '127.0.0.1',
): Promise<{ container: Docker.Container; hostPort: number }> {
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', `mkdir -p /www && echo ${text} > /www/index.html && exec httpd -f -p 8080 -h /www`],
    ExposedPorts: { '8080/tcp': {} },
    HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: hostIp, HostPort: '' }] } },
    Labels: { [LABEL.split('=')[0]!]: LABEL.split('=')[1]! },
  });
  await container.start();
  const published = (await container.inspect()).NetworkSettings.Ports['8080/tcp']![0]!;
  return { container, hostPort: Number(published.HostPort) };
}

async function removeTestContainers(): Promise<void> {
  const containers = await engine.docker.listContainers({ all: true, filters: { label: [LABEL] } });
  await Promise.all(containers.map((c) => engine.docker.getContainer(c.Id).remove({ force: true })));
}

/** Handlers of `services` as the app's IPC calls them, with the URLs they ask the browser to open. */
function handlersOf(services: BerthServices, openedInBrowser: string[]) {
  const desktop = { openExternal: async (url: string) => void openedInBrowser.push(url) } as Desktop;
  const handlers = enginesHandlers(services, desktop).operations as unknown as OperationHandlers;
  return {
    async call<T>(name: string, input?: unknown): Promise<T> {
      const result = (await dispatch(handlers, name, input)) as Result<T>;
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value;
    },
    async refused(name: string, input?: unknown): Promise<ErrorPayload> {
      const result = await dispatch(handlers, name, input);
      expect(result.ok, `${name} should refuse ${JSON.stringify(input)}`).toBe(false);
      return (result as { ok: false; error: ErrorPayload }).error;
    },
  };
}

describe.skipIf(skip)('port links of an ssh engine go through ssh tunnels', () => {
  let ssh: SshEngine;
  let services: BerthServices;
  let call: ReturnType<typeof handlersOf>['call'];
  let refused: ReturnType<typeof handlersOf>['refused'];
  const openedInBrowser: string[] = [];
  const httpd = (text: string) => startHttpd(services.connection.getDocker(), text);

  beforeAll(async () => {
    ssh = await startSshEngine();
    services = createServices({ env: ssh.env, homeDir: ssh.home, templatesDir: resolve('resources/templates') });
    await services.start();
    expect(services.connection.getState()).toMatchObject({ status: 'connected', endpoint: { kind: 'ssh' } });
    ({ call, refused } = handlersOf(services, openedInBrowser));
  }, 60_000);

  afterAll(async () => {
    await removeTestContainers();
    await services?.dispose();
    await ssh?.dispose();
  });

  it('opens the port through a tunnel, shows the mapping, reuses it, and closes it when the container stops', async () => {
    const { container, hostPort } = await httpd('hello-through-the-tunnel');
    const opened = await call<OpenedPort>('engines.openPort', {
      containerId: container.id,
      port: hostPort,
      path: '/index.html',
    });
    const localPort = Number(new URL(opened.url).port);
    expect(opened).toEqual({
      url: `http://127.0.0.1:${localPort}/index.html`,
      mapping: `127.0.0.1:${hostPort} → localhost:${localPort}`,
      via: 'tunnel',
      opened: true,
    });
    expect(localPort).not.toBe(hostPort);
    expect(openedInBrowser.at(-1)).toBe(opened.url);
    expect(await get(opened.url)).toBe('hello-through-the-tunnel\n');

    // The same port again (found without the container ID too): the same tunnel.
    const again = await call<OpenedPort>('engines.openPort', { port: hostPort });
    expect(again.url).toBe(`http://127.0.0.1:${localPort}/`);
    expect(services.scopes.current().portTunnels().list()).toHaveLength(1);

    await container.stop({ t: 1 });
    await expect.poll(() => services.scopes.current().portTunnels().list(), { timeout: 10_000 }).toEqual([]);
    await expect(fetch(opened.url)).rejects.toThrow();
    const gone = await refused('engines.openPort', { containerId: container.id, port: hostPort });
    expect(gone).toMatchObject({ code: 'E_NOT_FOUND' });
    expect(gone.message).toContain(`publishes port ${hostPort}/tcp on 127.0.0.1`);
    expect(gone.fix).toMatch(/Start the service/);
  }, 60_000);

  it('refuses what is not a published tcp port, with what to do', async () => {
    expect((await refused('engines.openPort', { port: 0 })).code).toBe('E_INVALID_INPUT');
    expect((await refused('engines.openPort', { port: 8080, path: 'no-slash' })).code).toBe('E_INVALID_INPUT');
    expect((await refused('engines.openPort', { port: 8080, containerId: '../etc' })).code).toBe('E_INVALID_INPUT');
    // No container publishes this port: nothing is forwarded to an arbitrary port of the host.
    const { hostPort, container } = await httpd('unused');
    await container.remove({ force: true });
    expect((await refused('engines.openPort', { port: hostPort })).code).toBe('E_NOT_FOUND');
    expect(services.scopes.current().portTunnels().list()).toEqual([]);
  }, 60_000);

  it('closes the tunnels when the app switches to another engine, and links go direct there', async () => {
    const { container, hostPort } = await httpd('before-the-switch');
    const opened = await call<OpenedPort>('engines.openPort', { containerId: container.id, port: hostPort });
    expect(await get(opened.url)).toBe('before-the-switch\n');
    const tunnelScope = services.scopes.current();

    await services.engines.add({
      name: 'this-machine',
      address: process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock',
    });
    const switched = await services.engines.switchTo('this-machine');
    expect(switched.state).toMatchObject({ status: 'connected', endpoint: { kind: 'unix' } });
    await expect(fetch(opened.url, { signal: AbortSignal.timeout(3_000) })).rejects.toThrow();
    expect(() => tunnelScope.portTunnels()).toThrow(/Switched to another engine/);

    // The same container, now on a local engine: a plain localhost link, no tunnel.
    const direct = await call<OpenedPort>('engines.openPort', { containerId: container.id, port: hostPort });
    expect(direct).toEqual({ url: `http://127.0.0.1:${hostPort}/`, mapping: null, via: 'direct', opened: true });
    expect(await get(direct.url)).toBe('before-the-switch\n');
    expect(() => services.scopes.current().portTunnels()).toThrow(/Only an ssh engine/);
  }, 60_000);
});

describe.skipIf(!engine.available)("port links of a remote tcp engine go to the engine's host", () => {
  const ENGINE_HOST = '127.0.0.2';
  let proxy: TcpEngineProxy;
  let home: string;
  let services: BerthServices;
  let call: ReturnType<typeof handlersOf>['call'];
  let refused: ReturnType<typeof handlersOf>['refused'];
  const openedInBrowser: string[] = [];

  beforeAll(async () => {
    proxy = await startTcpEngineProxy(ENGINE_HOST);
    home = mkdtempSync(join(tmpdir(), 'berth-tcp-links-'));
    services = createServices({
      env: { DOCKER_HOST: proxy.address },
      homeDir: home,
      templatesDir: resolve('resources/templates'),
    });
    await services.start();
    expect(services.connection.getState()).toMatchObject({
      status: 'connected',
      endpoint: { kind: 'tcp', local: false },
    });
    ({ call, refused } = handlersOf(services, openedInBrowser));
  }, 60_000);

  afterAll(async () => {
    await removeTestContainers();
    await services?.dispose();
    await proxy?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('opens the port at the engine host, directly, and the page answers there', async () => {
    const { container, hostPort } = await startHttpd(services.connection.getDocker(), 'on-the-tcp-host', ENGINE_HOST);
    const opened = await call<OpenedPort>('engines.openPort', { containerId: container.id, port: hostPort });
    expect(opened).toEqual({ url: `http://${ENGINE_HOST}:${hostPort}/`, mapping: null, via: 'direct', opened: true });
    expect(openedInBrowser.at(-1)).toBe(opened.url);
    expect(await get(opened.url)).toBe('on-the-tcp-host\n');
  }, 60_000);

  it("says a port bound to the remote host's loopback can't be reached from here, and what to do", async () => {
    const { container, hostPort } = await startHttpd(services.connection.getDocker(), 'loopback-only');
    const error = await refused('engines.openPort', { containerId: container.id, port: hostPort });
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.message).toBe(
      `The port is published on 127.0.0.1 of ${ENGINE_HOST}: only programs on that machine reach it.`,
    );
    expect(error.fix).toMatch(/Publish it on every address .* or reach the engine over ssh/);
    expect(openedInBrowser).toHaveLength(1);
  }, 60_000);
});
