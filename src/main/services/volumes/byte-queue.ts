import { BerthError } from '@shared/errors';

/**
 * Bytes that arrive in chunks from one side (the renderer, over a stream) and are read in measured amounts on the
 * other (one file after another). `read` waits for data; `fail` wakes a waiting reader with an error.
 *
 * It holds at most `maxBuffered` bytes: a sender that ignores the flow-control window (sends more before the reader
 * caught up) fails the queue instead of growing main's memory without bound.
 */
export class ByteQueue {
  private chunks: Buffer[] = [];
  private waiting: { resolve: () => void; reject: (error: unknown) => void } | null = null;
  private failure: unknown = null;
  private queued = 0;

  constructor(private readonly maxBuffered = Number.POSITIVE_INFINITY) {}

  /** Queues a chunk; false (and the queue failed) when it would hold more than `maxBuffered`. */
  push(chunk: Uint8Array): boolean {
    if (this.failure) return false;
    if (this.queued + chunk.byteLength > this.maxBuffered) {
      this.fail(
        new BerthError(
          'E_INVALID_INPUT',
          `The upload sent more than ${Math.round(this.maxBuffered / (1024 * 1024))} MiB ahead of what was written, past its flow-control window; it was stopped.`,
          { fix: 'Send upload bytes only while the window is open (wait for progress before sending more).' },
        ),
      );
      return false;
    }
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.chunks.push(buffer);
    this.queued += buffer.length;
    this.wake();
    return true;
  }

  fail(error: unknown): void {
    this.failure ??= error;
    this.chunks = [];
    this.queued = 0;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }

  get bufferedBytes(): number {
    return this.queued;
  }

  /** Up to `max` bytes, as soon as any are there. */
  async read(max: number): Promise<Buffer> {
    while (this.chunks.length === 0) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve, reject) => (this.waiting = { resolve, reject }));
    }
    const head = this.chunks[0]!;
    if (head.length <= max) {
      this.chunks.shift();
      this.queued -= head.length;
      return head;
    }
    this.chunks[0] = head.subarray(max);
    this.queued -= max;
    return head.subarray(0, max);
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve();
  }
}
