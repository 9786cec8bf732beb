import { BerthError } from '@shared/errors';

/** Where in the user's files a problem sits; every field is optional because not every failure has a place. */
export interface ComposeErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  /** Dotted key path, e.g. `services.web.ports`. */
  path?: string;
}

/**
 * Which kind of failure it is, as the Compose CLI tells them apart in its exit code: a file that does not exist
 * (14), files that do not parse or make an invalid project (15), a bad command-line value such as `-p` or an
 * unknown service (1), an image that cannot be pulled (18) or built (17).
 */
export type ComposeFailure = 'file-not-found' | 'parse' | 'command' | 'pull' | 'build';

export interface ComposeErrorDetails extends ComposeErrorLocation {
  failure?: ComposeFailure;
}

const FILE_FIX = 'Check that the file exists, is readable and is valid YAML.';
const MODEL_FIX = 'Fix the Compose file (or the environment it reads) at the place named in the message.';

function composeError(
  code: 'E_COMPOSE_FILE' | 'E_COMPOSE_INVALID',
  fix: string,
): (message: string, location?: ComposeErrorLocation, cause?: unknown, failure?: ComposeFailure) => BerthError {
  return (message, location = {}, cause, failure = 'parse') =>
    new BerthError(code, message, { details: { ...location, failure }, cause, fix });
}

/** The file cannot be found, read or parsed as YAML / .env. */
export const composeFileError = composeError('E_COMPOSE_FILE', FILE_FIX);

/** The files parse but their content breaks the Compose specification or an interpolation rule. */
export const composeInvalidError = composeError('E_COMPOSE_INVALID', MODEL_FIX);

/** A file the project needs does not exist (Compose: exit code 14). */
export function composeNotFoundError(message: string, location: ComposeErrorLocation = {}, cause?: unknown) {
  return composeFileError(message, location, cause, 'file-not-found');
}

/** The kind of a failure, when it is a Compose one. */
export function composeFailureOf(error: unknown): ComposeFailure | undefined {
  if (!(error instanceof BerthError)) return undefined;
  return (error.details as ComposeErrorDetails | undefined)?.failure;
}

/** The same error, marked as a failure of `failure` (an image pull or build that failed). */
export function withComposeFailure(error: unknown, failure: ComposeFailure): unknown {
  if (!(error instanceof BerthError)) return error;
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  return new BerthError(error.code, error.message, {
    fix: error.fix,
    cause: error.cause,
    details: { ...details, failure },
  });
}
