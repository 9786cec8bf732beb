export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

/** 250 ms doubling to 2 s: a restarted engine is seen within about 2 s of answering again. */
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 2_000 };

/** Delay before retry number `failures` (1 = the first retry): initialMs doubling up to maxMs. */
export function backoffDelay(failures: number, options: BackoffOptions): number {
  const exponent = Math.max(0, failures - 1);
  return Math.min(options.maxMs, options.initialMs * 2 ** Math.min(exponent, 30));
}
