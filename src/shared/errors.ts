/**
 * Error codes shared by every side of the contract. Services throw `BerthError`;
 * transports carry `{ ok: false, error }` with the same fields.
 */
export const ERROR_CODES = [
  'E_INVALID_INPUT',
  'E_UNTRUSTED_SENDER',
  'E_UNKNOWN_OPERATION',
  'E_ENGINE_UNREACHABLE',
  'E_ENGINE_ERROR',
  'E_NOT_FOUND',
  'E_PROJECT_BUSY',
  'E_CANCELLED',
  'E_COMPOSE_FILE',
  'E_COMPOSE_INVALID',
  /** Services request GPUs the engine cannot give (Compose preflight); details offer running without GPUs. */
  'E_GPU_UNAVAILABLE',
  'E_INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  /** What happened, in words a person can act on. */
  message: string;
  /** What to do about it, when we know. */
  fix?: string;
  details?: unknown;
}

export class BerthError extends Error {
  readonly code: ErrorCode;
  readonly fix?: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, options: { fix?: string; details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'BerthError';
    this.code = code;
    this.fix = options.fix;
    this.details = options.details;
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message };
    if (this.fix !== undefined) payload.fix = this.fix;
    if (this.details !== undefined) payload.details = this.details;
    return payload;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Turns anything thrown into a payload; unknown errors never leak stack traces to the UI. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof BerthError) return error.toPayload();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'E_INTERNAL', message: `Unexpected error: ${message}` };
}
