import type { StreamSource } from '../../../src/main/services/streams/stream-source';

/** Runs a stream source to its end: every message it emitted, in order, or its error. */
export function collectUntilEnd<M>(source: StreamSource<M>): Promise<{ messages: M[]; error?: unknown }> {
  const messages: M[] = [];
  return new Promise((resolve) =>
    source.start({ emit: (message) => messages.push(message), end: (error) => resolve({ messages, error }) }),
  );
}

/** Resolves with the first value of `check` that is neither undefined, null nor an empty array, within the time. */
export async function until<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 45_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0))
      return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
