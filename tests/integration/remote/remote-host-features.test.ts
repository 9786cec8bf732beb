/**
 * What an ssh engine's host offers beside the Engine API, over the engine's own ssh connection: port links through
 * tunnels, a shell on the host, and the bind-mount check before `up`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineConnection } from '../../../src/main/services/docker/engine-connection';
import { bindMountsOf, checkBindSources } from '../../../src/main/services/remote/bind-mount-check';
import { PortTunnels } from '../../../src/main/services/remote/port-tunnels';
import { startSshHostTerminal } from '../../../src/main/services/terminals/ssh-host-terminal';
import type { TerminalProcess } from '../../../src/main/services/terminals/terminal-process';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { skipWithoutSshd } from '../../support/ssh/private-sshd';
import { startSshEngine, type SshEngine } from '../../support/ssh/ssh-engine';

const engine = await requireEngine();
const skip = !engine.available || skipWithoutSshd();

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe.skipIf(skip)('an ssh engine host', () => {
  let ssh: SshEngine;
  let connection: EngineConnection;

  beforeAll(async () => {
    ssh = await startSshEngine();
    connection = new EngineConnection({ env: ssh.env, homeDir: ssh.home });
    await connection.start();
  });

  afterAll(async () => {
    await connection?.stop();
    await ssh?.dispose();
  });

  it('opens a published port through a tunnel, reuses it, and closes it when the container stops', async () => {
    const docker = connection.getDocker();
    const server = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sh', '-c', 'mkdir -p /www && echo hello-from-gpu-box > /www/index.html && exec httpd -f -p 80 -h /www'],
      ExposedPorts: { '80/tcp': {} },
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
      Labels: { 'org.berth.test': 'h3-tunnel' },
    });
    const tunnels = new PortTunnels(connection.getClient().ssh!, 'gpu-box');
    const stopEvents = connection.onEvent((event) => tunnels.handleEngineEvent(event));
    try {
      await server.start();
      const published = (await server.inspect()).NetworkSettings.Ports['80/tcp']![0]!;
      const port = { containerId: server.id, hostIp: published.HostIp, hostPort: Number(published.HostPort) };
      const tunnel = await tunnels.forward(port);
      expect(tunnel.label).toBe(`gpu-box:${port.hostPort} → localhost:${tunnel.localPort}`);
      expect(await tunnels.forward(port)).toBe(tunnel);
      let body = '';
      for (let attempt = 0; attempt < 20 && !body; attempt++) {
        body = await fetch(tunnel.url('/index.html'))
          .then((response) => response.text())
          .catch(() => '');
        if (!body) await sleep(100);
      }
      expect(body).toBe('hello-from-gpu-box\n');

      await server.stop({ t: 1 });
      for (let waited = 0; tunnels.list().length > 0 && waited < 5_000; waited += 100) await sleep(100);
      expect(tunnels.list()).toEqual([]);
      await expect(fetch(tunnel.url('/index.html'))).rejects.toThrow();
    } finally {
      stopEvents();
      await tunnels.closeAll();
      await server.remove({ force: true });
    }
  });

  it("opens a shell on the engine's host in the project folder, with a PTY that resizes", async () => {
    const projectDir = mkdtempSync(join(tmpdir(), 'berth-remote-project-'));
    let terminal: TerminalProcess | null = null;
    try {
      terminal = await startSshHostTerminal(connection.getClient().ssh!, { cols: 80, rows: 24, cwd: projectDir });
      expect(terminal.shell).toBe(`ssh -p ${ssh.sshd.port} ${ssh.sshd.user}@127.0.0.1`);
      let output = '';
      terminal.onData((bytes) => (output += Buffer.from(bytes).toString('utf8')));
      const exited = new Promise<number | null>((resolve) => terminal!.onExit(resolve));
      const waitFor = async (text: string) => {
        for (let waited = 0; !output.includes(text) && waited < 15_000; waited += 50) await sleep(50);
        expect(output).toContain(text);
      };
      terminal.write(Buffer.from('echo "dir=$(pwd)"; stty size\n'));
      await waitFor(`dir=${projectDir}`);
      await waitFor('24 80');
      terminal.resize(132, 40);
      terminal.write(Buffer.from('stty size\n'));
      await waitFor('40 132');
      terminal.write(Buffer.from('exit 7\n'));
      expect(await exited).toBe(7);
    } finally {
      terminal?.end();
      rmSync(projectDir, { recursive: true, force: true });
    }
  });

  it("starts the shell in the home folder when the project folder doesn't exist on the host", async () => {
    const terminal = await startSshHostTerminal(connection.getClient().ssh!, {
      cols: 80,
      rows: 24,
      cwd: '/no/such/dir',
    });
    let output = '';
    terminal.onData((bytes) => (output += Buffer.from(bytes).toString('utf8')));
    terminal.write(Buffer.from('echo "dir=$(pwd)"\n'));
    for (let waited = 0; !/dir=\//.test(output) && waited < 15_000; waited += 50) await sleep(50);
    terminal.end();
    expect(output).toContain(`dir=${userInfo().homedir}`);
  });

  it('checks bind sources on the engine host before up, creating nothing, and says what works instead', async () => {
    const existing = mkdtempSync(join(tmpdir(), 'berth-bind-'));
    const missing = join(existing, 'not-there', 'data');
    try {
      const model = {
        name: 'bind-check',
        services: {
          jupyter: { volumes: [{ type: 'bind', source: existing, target: '/home/jovyan/work' }] },
          trainer: {
            volumes: [
              { type: 'bind', source: missing, target: '/data' },
              { type: 'volume', source: 'cache', target: '/cache' },
            ],
          },
        },
      };
      const report = await checkBindSources(connection.getDocker(), bindMountsOf(model as never), {
        image: TEST_IMAGE,
        hostLabel: 'gpu-box',
      });
      expect(report.results.map((result) => [result.service, result.exists])).toEqual([
        ['jupyter', true],
        ['trainer', false],
      ]);
      expect(report.missing).toEqual([
        expect.objectContaining({
          service: 'trainer',
          sources: [missing],
          message: expect.stringContaining(`"${missing}", which does not exist on gpu-box`),
          alternatives: [expect.stringContaining('named volume'), expect.stringContaining('Copy the folder')],
        }),
      ]);
      // Nothing was created on the host, and no helper is left behind.
      expect(existsSync(join(existing, 'not-there'))).toBe(false);
      const helpers = await connection
        .getDocker()
        .listContainers({ all: true, filters: { label: ['org.berth.helper=bind-check'] } });
      expect(helpers).toEqual([]);
    } finally {
      rmSync(existing, { recursive: true, force: true });
    }
  });
});
