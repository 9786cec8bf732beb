import { constants } from 'node:os';
import type { HostTerminalInput } from '@shared/schemas/terminal';
import { BerthError } from '@shared/errors';
import type { SshConnection } from '../docker/ssh/ssh-connection';
import type { TerminalProcess } from './terminal-process';

/**
 * A shell on an ssh engine's host: a channel of the engine's ssh connection with a PTY, started in `input.cwd`
 * when that folder exists on the host (the project's folder, for bind-mounted projects), else in the user's home.
 * The user's login shell runs it ($SHELL -l), as `ssh host` would. Flow control is the ssh window: paused output
 * stops the window from being granted, and the remote shell blocks on its writes.
 */
export async function startSshHostTerminal(
  ssh: SshConnection,
  input: Pick<HostTerminalInput, 'cols' | 'rows' | 'cwd'>,
): Promise<TerminalProcess> {
  const changeDirectory = input.cwd ? `cd -- ${shellQuote(input.cwd)} 2>/dev/null; ` : '';
  let channel;
  try {
    channel = await ssh.exec(`${changeDirectory}exec "\${SHELL:-/bin/sh}" -l`, {
      pty: { term: 'xterm-256color', cols: input.cols, rows: input.rows, width: 0, height: 0 },
      env: { COLORTERM: 'truecolor' },
    });
  } catch (error) {
    throw new BerthError('E_ENGINE_ERROR', `Could not open a shell on ${ssh.describe()}: ${(error as Error).message}`, {
      fix: `Check that \`${ssh.sshCommand()}\` opens a shell from this machine.`,
      cause: error,
    });
  }
  let exitCode: number | null = null;
  let closed = false;
  const exitListeners: Array<(code: number | null) => void> = [];
  channel.on('exit', (code: number | null, signal?: string) => {
    exitCode =
      typeof code === 'number'
        ? code
        : signal
          ? 128 + (constants.signals[`SIG${signal}` as NodeJS.Signals] ?? 0)
          : null;
  });
  channel.on('close', () => {
    closed = true;
    for (const listener of exitListeners.splice(0)) listener(exitCode);
  });
  return {
    shell: ssh.sshCommand(),
    onData: (listener) => {
      channel.on('data', (chunk: Buffer) => listener(chunk));
      channel.stderr.on('data', (chunk: Buffer) => listener(chunk));
    },
    onExit: (listener) => {
      if (closed) listener(exitCode);
      else exitListeners.push(listener);
    },
    write: (bytes) => {
      if (!closed) channel.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
    resize: (cols, rows) => {
      if (!closed) channel.setWindow(rows, cols, 0, 0);
    },
    pause: () => channel.pause(),
    resume: () => channel.resume(),
    // Closing the channel closes the PTY: sshd hangs up the shell and its jobs, as a closed terminal window does.
    end: () => {
      if (!closed) channel.close();
    },
  };
}

/** `'…'` with embedded quotes escaped, for one argument of a POSIX shell command. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
