/**
 * Fires once when `touch` has not been called for `idleMs`. Touching is cheap (it records the time; the timer is
 * re-armed only when it fires early), so it can be called for every chunk of a large transfer.
 */
export class IdleDeadline {
  private last = Date.now();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly idleMs: number,
    private readonly onExpire: () => void,
  ) {
    this.arm(idleMs);
  }

  touch(): void {
    this.last = Date.now();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      const idle = Date.now() - this.last;
      if (idle >= this.idleMs) {
        this.timer = null;
        this.onExpire();
      } else {
        this.arm(this.idleMs - idle);
      }
    }, ms);
  }
}

/**
 * `promise`, or `onTimeout()`'s error when it has not settled within `ms`; `onLate` gets a value that arrives after
 * that (to close a stream nobody will read).
 */
export async function withDeadline<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => Error,
  onLate?: (value: T) => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      if (onLate) void promise.then(onLate, () => {});
      reject(onTimeout());
    }, ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
