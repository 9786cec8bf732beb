import type Docker from 'dockerode';

const POLL_MS = 20;
const MAX_POLLS = 50;

/**
 * The exit code of an exec whose stream has ended. The engine can report the stream's end a moment before it
 * marks the process as stopped, so this asks a few times; null when the engine can't tell (container removed).
 */
export async function execExitCode(exec: Docker.Exec): Promise<number | null> {
  for (let poll = 0; poll < MAX_POLLS; poll++) {
    const info = await exec.inspect().catch(() => null);
    if (info === null) return null;
    if (!info.Running) return info.ExitCode ?? null;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return null;
}

export interface RunExecOptions {
  cmd: string[];
  user?: string;
}

/** Runs a command in the container without a TTY, discards its output, and returns its exit code. */
export async function runExecToCompletion(
  container: Docker.Container,
  options: RunExecOptions,
): Promise<number | null> {
  const exec = await container.exec({
    Cmd: options.cmd,
    User: options.user,
    AttachStdout: true,
    AttachStderr: true,
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  await new Promise<void>((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', () => resolve());
    stream.resume();
  });
  stream.destroy();
  return execExitCode(exec);
}
