import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { ContainerTerminalInput } from '@shared/schemas/terminal';
import { detectShell } from './detect-shell';
import { endSessionProcesses, SESSION_MARKER_VARIABLE } from './end-session-processes';
import { execExitCode } from './exec-exit-code';
import { containerNotFoundError, containerNotRunningError } from './terminal-errors';

/** A shell running in a container behind a TTY; `stream` carries raw bytes both ways. */
export interface ContainerShell {
  shell: string;
  containerName: string;
  stream: Duplex;
  resize(cols: number, rows: number): Promise<void>;
  /** After the stream ended: the shell's exit code, or null when the engine can't tell. */
  exitCode(): Promise<number | null>;
  /** Ends the shell and every process it started, and closes the stream. */
  end(): Promise<void>;
}

/** Shells found per container and user, so a second tab on the same container opens without probing. */
export type ShellCache = Map<string, string>;

/** The container's name; throws, saying how to fix it, when it is missing, stopped or paused. */
export async function requireRunningContainer(container: Docker.Container, containerId: string): Promise<string> {
  const info = await container.inspect().catch((error: unknown) => {
    if ((error as { statusCode?: number }).statusCode === 404) throw containerNotFoundError(containerId, error);
    throw error;
  });
  const name = info.Name.replace(/^\//, '') || containerId.slice(0, 12);
  if (info.State.Paused) throw containerNotRunningError(name, 'paused');
  if (!info.State.Running) throw containerNotRunningError(name, info.State.Status || 'stopped');
  return name;
}

async function chooseShell(
  container: Docker.Container,
  containerName: string,
  input: ContainerTerminalInput,
  shells: ShellCache,
): Promise<string> {
  if (input.shell) return detectShell(container, containerName, { shell: input.shell, user: input.user });
  const cacheKey = `${input.containerId}\0${input.user ?? ''}`;
  const cached = shells.get(cacheKey);
  if (cached) return cached;
  const found = await detectShell(container, containerName, { user: input.user });
  shells.set(cacheKey, found);
  return found;
}

export async function openContainerShell(
  docker: Docker,
  input: ContainerTerminalInput,
  shells: ShellCache,
): Promise<ContainerShell> {
  const container = docker.getContainer(input.containerId);
  const containerName = await requireRunningContainer(container, input.containerId);

  const shell = await chooseShell(container, containerName, input, shells);

  const marker = randomUUID();
  const exec = await container.exec({
    Cmd: [shell],
    User: input.user,
    WorkingDir: input.workdir,
    Env: ['TERM=xterm-256color', ...(input.env ?? []), `${SESSION_MARKER_VARIABLE}=${marker}`],
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: true,
  });
  const stream = await exec.start({ hijack: true, stdin: true, Tty: true });
  // Keystrokes are tiny writes: don't let Nagle's algorithm hold them back on a TCP engine.
  (stream as Duplex & { setNoDelay?: (noDelay: boolean) => void }).setNoDelay?.(true);

  return {
    shell,
    containerName,
    stream,
    resize: async (cols, rows) => {
      await exec.resize({ w: cols, h: rows });
    },
    exitCode: () => execExitCode(exec),
    end: async () => {
      stream.destroy();
      const info = await exec.inspect().catch(() => null);
      if (info?.Running) await endSessionProcesses(container, { marker, user: input.user, shell });
    },
  };
}
