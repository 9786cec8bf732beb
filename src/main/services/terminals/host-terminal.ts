import { statSync } from 'node:fs';
import os from 'node:os';
import type { IPty } from 'node-pty';
import type { HostTerminalInput } from '@shared/schemas/terminal';
import { hostShellError } from './terminal-errors';
import type { TerminalProcess } from './terminal-process';

export interface HostTerminalOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * The login shell: $SHELL, else the user's passwd entry (an app started by a service manager or a launcher may have
 * no $SHELL, and /bin/sh is often a shell without line editing), else /bin/sh.
 */
export function loginShell(env: NodeJS.ProcessEnv): string {
  if (env.SHELL) return env.SHELL;
  try {
    return os.userInfo().shell || '/bin/sh';
  } catch {
    // No passwd entry for this uid (a container started with --user 12345).
    return '/bin/sh';
  }
}

/**
 * The user's login shell (see loginShell) in a pty on this machine, started in the project folder. node-pty
 * is a native module, loaded on first use: if it can't load, host shells fail with the reason and the rest works.
 */
export async function startHostTerminal(
  input: HostTerminalInput,
  options: HostTerminalOptions,
): Promise<TerminalProcess> {
  const shell = loginShell(options.env);
  // A project folder moved or deleted since it was added: a shell in the home folder, saying so, beats no shell.
  const missing = input.cwd !== undefined && !isDirectory(input.cwd);
  const cwd = input.cwd && !missing ? input.cwd : options.homeDir;
  let pty: IPty;
  try {
    if (!isDirectory(cwd)) throw new Error('the folder does not exist');
    const { spawn } = await import('node-pty');
    pty = spawn(shell, [], {
      name: 'xterm-256color',
      cols: input.cols,
      rows: input.rows,
      cwd,
      env: { ...options.env, TERM: 'xterm-256color', COLORTERM: 'truecolor' },
      // Bytes, not strings: output stays undecoded until xterm sees it.
      encoding: null,
    });
  } catch (error) {
    throw hostShellError(shell, cwd, error);
  }
  let exited = false;
  return {
    shell,
    onData: (listener) => {
      if (missing) listener(Buffer.from(`[berth] ${input.cwd} no longer exists; this shell starts in ${cwd}.\r\n`));
      pty.onData((data) => listener(data as unknown as Uint8Array));
    },
    onExit: (listener) =>
      void pty.onExit(({ exitCode, signal }) => {
        exited = true;
        listener(signal ? 128 + signal : exitCode);
      }),
    write: (bytes) => pty.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    resize: (cols, rows) => {
      if (!exited) pty.resize(cols, rows);
    },
    pause: () => pty.pause(),
    resume: () => pty.resume(),
    // SIGHUP, as when a terminal window closes: the shell ends and hangs up its jobs.
    end: () => {
      if (!exited) pty.kill('SIGHUP');
    },
  };
}
