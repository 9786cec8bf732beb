import { mkdtemp, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTerminalFactory } from '../../../src/main/services/terminals/terminal-factory';
import { passwdShell } from '../../support/passwd-shell';
import { TerminalDriver } from '../../support/terminal/terminal-driver';

/** A real node-pty shell on this machine: no engine involved. */
describe('host terminal (node-pty)', () => {
  let projectDir: string;
  const factory = (env: NodeJS.ProcessEnv) =>
    createTerminalFactory({
      engine: {
        getDocker: () => {
          throw new Error('a host shell must not need the engine');
        },
      },
      env,
      homeDir: os.homedir(),
    });

  beforeAll(async () => {
    projectDir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'berth-host-shell-')));
  });

  afterAll(async () => {
    await rm(projectDir, { recursive: true, force: true });
  });

  it('runs the login shell in the project folder, echoes, resizes and reports the exit code', async () => {
    const terminal = new TerminalDriver(
      { terminal: factory({ ...process.env, SHELL: '/bin/sh' }) },
      { target: 'host', cwd: projectDir, cols: 80, rows: 24 },
    );
    terminal.type('echo hello-$((6*7)) "$PWD"\r');
    await terminal.waitForText(`hello-42 ${projectDir}`);
    expect(terminal.events[0]).toEqual({ type: 'started', shell: '/bin/sh' });
    terminal.resize(120, 33);
    terminal.type('stty size\r');
    await terminal.waitForText('33 120');
    terminal.type('exit 5\r');
    await terminal.waitForEnd();
    expect(terminal.events.at(-1)).toEqual({ type: 'exit', exitCode: 5 });
  });

  it('falls back to the passwd login shell without $SHELL; a project folder that is gone starts the shell at home, saying so', async () => {
    const env = { ...process.env };
    delete env.SHELL;
    const shell = new TerminalDriver(
      { terminal: factory(env) },
      { target: 'host', cwd: projectDir, cols: 80, rows: 24 },
    );
    await shell.waitUntil(
      () => shell.events.length > 0,
      5_000,
      () => 'the shell to start',
    );
    expect(shell.events[0]).toEqual({ type: 'started', shell: passwdShell() });
    shell.close();

    const missing = path.join(projectDir, 'gone');
    const moved = new TerminalDriver({ terminal: factory(env) }, { target: 'host', cwd: missing, cols: 80, rows: 24 });
    await moved.waitForText(`${missing} no longer exists; this shell starts in ${os.homedir()}`);
    moved.type('echo "in $PWD"\r');
    await moved.waitForText(`in ${os.homedir()}`);
    moved.close();
  });
});
