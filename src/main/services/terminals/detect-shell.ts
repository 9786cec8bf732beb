import type Docker from 'dockerode';
import { DEFAULT_SHELLS } from '@shared/schemas/terminal';
import { runExecToCompletion } from './exec-exit-code';
import { noShellError } from './terminal-errors';

/**
 * The first of `candidates` the container can run, checked by running `<shell> -c 'exit 0'` as the session's
 * user: the engine reports a missing executable only after the exec starts, so asking first keeps the error
 * text of a failed bash out of the user's terminal.
 */
export async function detectShell(
  container: Docker.Container,
  containerName: string,
  options: { shell?: string; user?: string },
): Promise<string> {
  const candidates = options.shell ? [options.shell] : [...DEFAULT_SHELLS];
  for (const shell of candidates) {
    const exitCode = await runExecToCompletion(container, { cmd: [shell, '-c', 'exit 0'], user: options.user });
    if (exitCode === 0) return shell;
  }
  throw noShellError(containerName, candidates);
}
