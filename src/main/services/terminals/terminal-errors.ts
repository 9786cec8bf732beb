import { BerthError } from '@shared/errors';

export function containerNotFoundError(containerId: string, cause?: unknown): BerthError {
  return new BerthError('E_NOT_FOUND', `Container ${containerId} does not exist (any more).`, {
    fix: 'Refresh the container list and open a shell in a container that is there.',
    cause,
  });
}

export function containerNotRunningError(name: string, state: string): BerthError {
  return new BerthError(
    'E_ENGINE_ERROR',
    `Container ${name} is ${state}, not running: a shell needs a running container.`,
    {
      fix:
        state === 'paused'
          ? `Unpause it (docker unpause ${name}), then open the shell again.`
          : `Start it (berth up, or docker start ${name}), then open the shell again.`,
      details: { state },
    },
  );
}

export function noShellError(name: string, tried: readonly string[]): BerthError {
  return new BerthError('E_NOT_FOUND', `No shell found in container ${name}: tried ${tried.join(', ')}.`, {
    fix: 'Choose a shell the image has (for example /bin/ash), or add one to the image.',
    details: { tried },
  });
}

export function hostShellError(shell: string, cwd: string, cause: unknown): BerthError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new BerthError('E_INTERNAL', `Could not start ${shell} in ${cwd}: ${reason}`, {
    fix: 'Check that the folder exists and that $SHELL names a shell installed on this machine.',
    cause,
  });
}
