/** Engine API failures as BerthErrors: the engine's own message, which names the problem, after what we tried. */
import { BerthError } from '@shared/errors';

export function engineError(error: unknown, what: string): BerthError {
  if (error instanceof BerthError) return error;
  const status = (error as { statusCode?: number }).statusCode;
  const json = (error as { json?: { message?: string } }).json;
  const message = json?.message ?? (error as Error).message ?? String(error);
  return new BerthError(status === 404 ? 'E_NOT_FOUND' : 'E_ENGINE_ERROR', `${what}: ${message}`, {
    fix: 'Check the message from the Docker engine above; fix the Compose file or the engine, then run the command again.',
    cause: error,
  });
}
