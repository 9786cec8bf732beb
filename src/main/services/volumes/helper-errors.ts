import { BerthError } from '@shared/errors';
import type { CommandResult } from './run-in-helper';
import { EXIT } from './helper-scripts';
import { escapesRoot } from './volume-path';

/** Turns a helper script's exit code into an error a person can act on; returns the result when it succeeded. */
export function checkHelperResult(result: CommandResult, path: string, what: string): CommandResult {
  const shown = path === '' ? 'the volume root' : `"${path}"`;
  switch (result.exitCode) {
    case 0:
      return result;
    case EXIT.notFound:
      return fail('E_NOT_FOUND', `${shown} does not exist.`, 'It may have been moved or deleted; refresh the listing.');
    case EXIT.escapes:
      throw escapesRoot(path);
    case EXIT.notDirectory:
      return fail('E_INVALID_INPUT', `${shown} is not ${what}.`, 'Pick another entry.');
    case EXIT.exists:
      return fail(
        'E_INVALID_INPUT',
        `An entry with that name already exists in ${shown}.`,
        'Choose another name, or confirm replacing it.',
      );
    case EXIT.tampered:
      return fail(
        'E_ENGINE_ERROR',
        `The upload into ${shown} did not land as sent (something else changed the files while they were written); nothing was moved into place.`,
        'Make sure no container is changing that directory during the upload, then try again.',
      );
    default:
      return fail(
        'E_ENGINE_ERROR',
        `The helper container could not work on ${shown}: ${result.stderr.trim().slice(0, 300) || `exit code ${result.exitCode}`}.`,
        'Check that the volume is not full or read-only, then try again.',
      );
  }
}

function fail(code: 'E_NOT_FOUND' | 'E_INVALID_INPUT' | 'E_ENGINE_ERROR', message: string, fix: string): never {
  throw new BerthError(code, message, { fix });
}
