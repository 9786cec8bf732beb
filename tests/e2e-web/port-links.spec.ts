import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { expect, test } from '@playwright/test';
import { startBridge, type Bridge } from '../support/bridge/bridge-server';
import { createBridgeServices, type BridgeServices } from '../support/bridge/bridge-services';
import { TEST_IMAGE } from '../support/require-engine';
import { skipWithoutSshd } from '../support/ssh/private-sshd';
import { startSshEngine, type SshEngine } from '../support/ssh/ssh-engine';
import { startTcpEngineProxy, type TcpEngineProxy } from '../support/tcp-engine-proxy';
import { RENDERER_DIR } from './fake-gpu-host';
import { BerthPage } from './pages/berth-page';
import { EngineSwitcherObject } from './pages/engines-page';

/**
 * On an ssh engine a published port's link opens an ssh tunnel (main, on demand) and says where it goes; the URL
 * the browser is asked to open reaches the container's httpd through it.
 */
test.describe('Port links on an ssh engine', () => {
  test.skip(skipWithoutSshd(), 'needs a private sshd: root and /usr/sbin/sshd');

  let ssh: SshEngine;
  let backend: BridgeServices;
  let bridge: Bridge;
  let container: Docker.Container;
  let hostPort: number;
  const docker = new Docker();

  test.beforeAll(async () => {
    ssh = await startSshEngine();
    backend = await createBridgeServices({ ...process.env, SSH_AUTH_SOCK: ssh.agent.socketPath });
    // The backend's home trusts the sshd's host key (the dialog's flow is tested in engines.spec.ts).
    mkdirSync(join(backend.homeDir, '.ssh'), { recursive: true, mode: 0o700 });
    writeFileSync(join(backend.homeDir, '.ssh', 'known_hosts'), `${ssh.sshd.knownHostsLine()}\n`);
    await backend.berth.services.engines.add({ name: 'gpu-box', address: ssh.sshd.url });
    bridge = await startBridge({ rendererDir: RENDERER_DIR, operations: backend.operations, streams: backend.streams });
    container = await docker.createContainer({
      Image: TEST_IMAGE,
      name: `berth-e2e-port-links-${process.pid}`,
      Cmd: ['sh', '-c', 'mkdir -p /www && echo hello-from-gpu-box > /www/index.html && exec httpd -f -p 8080 -h /www'],
      ExposedPorts: { '8080/tcp': {} },
      HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    });
    await container.start();
    hostPort = Number((await container.inspect()).NetworkSettings.Ports['8080/tcp']![0]!.HostPort);
  });

  test.afterAll(async () => {
    await container?.remove({ force: true }).catch(() => {});
    await bridge?.close();
    await backend?.dispose();
    await ssh?.dispose();
  });

  test('opens the port through a tunnel, shows the mapping, and the link reaches the service', async ({ page }) => {
    const berth = new BerthPage(page);
    const switcher = new EngineSwitcherObject(page);
    await berth.open(bridge.pageUrl);
    await berth.waitForEngine('connected');
    await switcher.switchTo('gpu-box');
    await berth.waitForEngine('connected');
    await expect(switcher.trigger.getByTestId('engine-locality')).toHaveText('remote');

    await berth.goTo('containers');
    const link = berth.containerRow(container.id).getByRole('button', { name: `${hostPort}→8080` });
    await expect(link).toHaveAttribute('title', `Open 127.0.0.1:${hostPort} through an ssh tunnel`);
    await link.click();
    const mapping = berth.containerRow(container.id).getByTestId('port-mapping');
    await expect(mapping).toHaveText(new RegExp(`^127\\.0\\.0\\.1:${hostPort} → localhost:\\d+$`));
    const localPort = Number((await mapping.textContent())!.split(':').at(-1));
    expect(localPort).not.toBe(hostPort);
    await expect.poll(() => backend.openedUrls.at(-1)).toBe(`http://127.0.0.1:${localPort}/`);
    const body = await fetch(`http://127.0.0.1:${localPort}/index.html`).then((response) => response.text());
    expect(body).toBe('hello-from-gpu-box\n');

    // Back on the local engine: the tunnel is closed, and the link is the plain localhost one again.
    await switcher.switchTo('default');
    await berth.waitForEngine('connected');
    await expect(fetch(`http://127.0.0.1:${localPort}/`)).rejects.toThrow();
    await berth.goTo('containers');
    await expect(berth.containerRow(container.id).getByRole('button', { name: `${hostPort}→8080` })).toHaveAttribute(
      'title',
      `Open http://127.0.0.1:${hostPort}`,
    );
  });
});

/**
 * On a remote tcp engine (the machine's engine behind a tcp listener on 127.0.0.2, another host to Berth) a
 * published port's link says it goes to the engine's host, and main opens it there.
 */
test.describe('Port links on a remote tcp engine', () => {
  const ENGINE_HOST = '127.0.0.2';
  let proxy: TcpEngineProxy;
  let backend: BridgeServices;
  let bridge: Bridge;
  let container: Docker.Container;
  let hostPort: number;
  const docker = new Docker();

  test.beforeAll(async () => {
    proxy = await startTcpEngineProxy(ENGINE_HOST);
    backend = await createBridgeServices();
    await backend.berth.services.engines.add({ name: 'tcp-box', address: proxy.address });
    bridge = await startBridge({ rendererDir: RENDERER_DIR, operations: backend.operations, streams: backend.streams });
    container = await docker.createContainer({
      Image: TEST_IMAGE,
      name: `berth-e2e-tcp-links-${process.pid}`,
      Cmd: ['sh', '-c', 'mkdir -p /www && echo hello-from-tcp-box > /www/index.html && exec httpd -f -p 8080 -h /www'],
      ExposedPorts: { '8080/tcp': {} },
      HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: ENGINE_HOST, HostPort: '' }] } },
    });
    await container.start();
    hostPort = Number((await container.inspect()).NetworkSettings.Ports['8080/tcp']![0]!.HostPort);
  });

  test.afterAll(async () => {
    await container?.remove({ force: true }).catch(() => {});
    await bridge?.close();
    await backend?.dispose();
    await proxy?.close();
  });

  test("the link names the engine's host and opens the service there", async ({ page }) => {
    const berth = new BerthPage(page);
    const switcher = new EngineSwitcherObject(page);
    await berth.open(bridge.pageUrl);
    await berth.waitForEngine('connected');
    await switcher.switchTo('tcp-box');
    await berth.waitForEngine('connected');
    await expect(switcher.trigger.getByTestId('engine-locality')).toHaveText('remote');

    await berth.goTo('containers');
    const link = berth.containerRow(container.id).getByRole('button', { name: `${hostPort}→8080` });
    await expect(link).toHaveAttribute('title', `Open ${ENGINE_HOST}:${hostPort}`);
    await link.click();
    await expect.poll(() => backend.openedUrls.at(-1)).toBe(`http://${ENGINE_HOST}:${hostPort}/`);
    const body = await fetch(backend.openedUrls.at(-1)!).then((response) => response.text());
    expect(body).toBe('hello-from-tcp-box\n');
    await expect(berth.containerRow(container.id).getByTestId('port-mapping')).toHaveCount(0);
  });
});
