import { BerthError } from '@shared/errors';

/** Where in the user's files a problem sits; every field is optional because not every failure has a place. */
export interface ComposeErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  /** Dotted key path, e.g. `services.web.ports`. */
  path?: string;
}

/** The file cannot be found, read or parsed as YAML / .env. */
export function composeFileError(message: string, location: ComposeErrorLocation = {}, cause?: unknown): BerthError {
  return new BerthError('E_COMPOSE_FILE', message, {
    details: location,
    cause,
    fix: 'Check that the file exists, is readable and is valid YAML.',
  });
}

/** The files parse but their content breaks the Compose specification or an interpolation rule. */
export function composeInvalidError(message: string, location: ComposeErrorLocation = {}, cause?: unknown): BerthError {
  return new BerthError('E_COMPOSE_INVALID', message, {
    details: location,
    cause,
    fix: 'Fix the Compose file (or the environment it reads) at the place named in the message.',
  });
}
