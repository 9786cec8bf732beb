/**
 * Bytes that arrive in chunks from one side (the renderer, over a stream) and are read in measured amounts on the
 * other (one file after another). `read` waits for data; `fail` wakes a waiting reader with an error.
 */
export class ByteQueue {
  private chunks: Buffer[] = [];
  private waiting: { resolve: () => void; reject: (error: unknown) => void } | null = null;
  private failure: unknown = null;
  private queued = 0;

  push(chunk: Uint8Array): void {
    if (this.failure) return;
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.chunks.push(buffer);
    this.queued += buffer.length;
    this.wake();
  }

  fail(error: unknown): void {
    this.failure ??= error;
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
