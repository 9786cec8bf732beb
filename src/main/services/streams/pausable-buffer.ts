/**
 * What a stream producer does with messages while flow control has it paused. The policies, one file each:
 * - `DropAndResyncBuffer`: hold a bounded number, then drop and tell the consumer to resync (events);
 * - `RingWithDroppedCount`: keep the newest N items and say how many older ones were dropped (log lines);
 * - `CoalesceByKey`: keep only the latest message per key, in order, with a cap (progress, samples).
 * A producer whose source can itself be paused (a socket, a child process) needs none of them.
 */
export interface PausableBuffer<M> {
  /** Delivers at once while flowing; holds (by the policy) while paused. */
  push(message: M): void;
  pause(): void;
  /** Delivers what is held, in order, until paused again. */
  resume(): void;
  /** Forgets what is held (the stream is gone). */
  clear(): void;
}
