/**
 * How a `berth` command's failures read: one place for every command, so a missing engine gets the same diagnosis as
 * `berth engine` everywhere (never "Unexpected error: connect ENOENT"). Loads nothing of the engine client, so
 * commands that need no engine (config) start fast.
 */
import { readFileSync } from 'node:fs';
import { BerthError, toErrorPayload, type ErrorPayload } from '@shared/errors';
import type { Endpoint } from '@shared/schemas/engine';
import { isConnectionError } from '../services/docker/connection-errors';
import { diagnoseUnreachable } from '../services/docker/diagnose-unreachable';

/** What to print for an error of a command: connection failures get the engine diagnosis, the rest their own words. */
export function describeCliError(error: unknown, endpoint: Endpoint | null): ErrorPayload {
  if (error instanceof BerthError) return error.toPayload();
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  // Docker answers errors with a JSON body that has a message; anything else answering HTTP is not a Docker engine.
  const notDocker = typeof statusCode === 'number' && !(error as { json?: { message?: unknown } }).json?.message;
  if (isConnectionError(error) || notDocker) {
    const diagnosis = diagnoseUnreachable(error, endpoint, process.platform);
    const where = endpoint ? ` at ${endpoint.address}` : '';
    const reason = notDocker
      ? `something answered HTTP ${String(statusCode)} there, but it is not a Docker engine API`
      : diagnosis.reason;
    return {
      code: 'E_ENGINE_UNREACHABLE',
      message: `cannot reach the Docker engine${where}: ${reason}`,
      fix: diagnosis.fix,
    };
  }
  return toErrorPayload(error);
}

/**
 * The error as the CLI prints it: the message; for a place in a file (a Compose error), that line with a caret under
 * the column; then the fix on its own line.
 */
export function formatCliError(payload: ErrorPayload, prefix = ''): string {
  return `${prefix}${payload.message}\n${sourceExcerpt(payload.details)}${payload.fix ? `Fix: ${payload.fix}\n` : ''}`;
}

function sourceExcerpt(details: unknown): string {
  const { file, line, column } = (details ?? {}) as { file?: unknown; line?: unknown; column?: unknown };
  if (typeof file !== 'string' || typeof line !== 'number' || line < 1) return '';
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8').split(/\r?\n/)[line - 1];
  } catch {
    return '';
  }
  if (text === undefined) return '';
  const gutter = `${line} | `;
  const caret =
    typeof column === 'number' && column >= 1 ? `${' '.repeat(gutter.length - 2)}| ${' '.repeat(column - 1)}^\n` : '';
  return `${gutter}${text.replace(/\t/g, ' ')}\n${caret}`;
}
