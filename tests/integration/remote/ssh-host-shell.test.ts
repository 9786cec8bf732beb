/**
 * The app's host terminal follows the engine: on an ssh engine the `terminal` stream (as the handler builds it) opens
 * a shell on the engine's host over the engine's ssh connection, in the project folder; on a local engine, a shell on
 * this machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalMessage } from '@shared/schemas/terminal';
import { terminalsHandlers } from '../../../src/main/handlers/terminals';
import { createServices, type BerthServices } from '../../../src/main/services/create-services';
import { passwdShell } from '../../support/passwd-shell';
import { requireEngine } from '../../support/require-engine';
import { skipWithoutSshd } from '../../support/ssh/private-sshd';
import { startSshEngine, type SshEngine } from '../../support/ssh/ssh-engine';

const engine = await requireEngine();
const skip = !engine.available || skipWithoutSshd();

interface OpenShell {
  started: Promise<string>;
  output(): string;
  waitFor(text: string): Promise<void>;
  send(input: unknown): void;
  exited: Promise<number | null>;
  close(): void;
}

describe.skipIf(skip)("the host terminal opens on the engine's host", () => {
  let ssh: SshEngine;
  let services: BerthServices;
  let projectDir: string;

  function openHostShell(cwd: string): OpenShell {
    const source = terminalsHandlers(services).streams.terminal({ target: 'host', cols: 100, rows: 30, cwd });
    let text = '';
    let onStarted: (shell: string) => void = () => {};
    let onExit: (code: number | null) => void = () => {};
    const started = new Promise<string>((done, fail) => {
      onStarted = done;
      setTimeout(() => fail(new Error(`no shell started; output: ${text}`)), 20_000).unref();
    });
    const exited = new Promise<number | null>((done) => (onExit = done));
    source.start({
      emit(message: TerminalMessage) {
        if (message instanceof Uint8Array) text += Buffer.from(message).toString('utf8');
        else if (message.type === 'started') onStarted(message.shell);
        else if (message.type === 'exit') onExit(message.exitCode);
      },
      end: (error) => {
        if (error) text += `\n[ended: ${(error as Error).message}]`;
      },
    });
    return {
      started,
      output: () => text,
      async waitFor(expected) {
        for (let waited = 0; !text.includes(expected) && waited < 15_000; waited += 50) {
          await new Promise((done) => setTimeout(done, 50));
        }
        expect(text).toContain(expected);
      },
      send: (input) => source.receive!(input),
      exited,
      close: () => source.dispose(),
    };
  }

  beforeAll(async () => {
    ssh = await startSshEngine();
    services = createServices({ env: ssh.env, homeDir: ssh.home, templatesDir: resolve('resources/templates') });
    await services.start();
    expect(services.connection.getState()).toMatchObject({ status: 'connected', endpoint: { kind: 'ssh' } });
    projectDir = mkdtempSync(join(tmpdir(), 'berth-remote-shell-'));
  }, 60_000);

  afterAll(async () => {
    await services?.dispose();
    await ssh?.dispose();
    if (projectDir) rmSync(projectDir, { recursive: true, force: true });
  });

  it('is an ssh session on the ssh engine, in the project folder, resizable', async () => {
    const shell = openHostShell(projectDir);
    try {
      expect(await shell.started).toBe(`ssh -p ${ssh.sshd.port} ${ssh.sshd.user}@127.0.0.1`);
      // SSH_CONNECTION's last field is the port of the sshd the session came through: the engine's.
      shell.send('echo "dir=$(pwd) via=${SSH_CONNECTION##* }"; stty size\n');
      await shell.waitFor(`dir=${projectDir} via=${ssh.sshd.port}`);
      await shell.waitFor('30 100');
      shell.send({ type: 'resize', cols: 120, rows: 40 });
      shell.send('stty size\n');
      await shell.waitFor('40 120');
      shell.send('exit 3\n');
      expect(await shell.exited).toBe(3);
    } finally {
      shell.close();
    }
  }, 60_000);

  it("is this machine's shell again after switching to a local engine", async () => {
    await services.engines.add({
      name: 'this-machine',
      address: process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock',
    });
    expect((await services.engines.switchTo('this-machine')).state.status).toBe('connected');
    const shell = openHostShell(projectDir);
    try {
      const started = await shell.started;
      expect(started).not.toMatch(/^ssh /);
      // $SHELL, else the passwd entry's login shell, as a terminal emulator picks it.
      expect(started).toBe(ssh.env.SHELL || passwdShell());
      shell.send('echo "dir=$(pwd)"\n');
      await shell.waitFor(`dir=${projectDir}`);
    } finally {
      shell.close();
    }
  }, 60_000);
});
