import type { PausableBuffer } from './pausable-buffer';

/**
 * Buffering policy "drop and resync", for a source that can't be paused and a consumer that can rebuild its state
 * from scratch (engine events → the container list): while flow control has the stream paused, up to `capacity`
 * messages wait; past that they are dropped and counted, and after the rest the consumer is told to resync.
 */
export class DropAndResyncBuffer<M> implements PausableBuffer<M> {
  private readonly queue: M[] = [];
  private droppedCount = 0;
  private paused = false;

  constructor(
    private readonly deliver: (message: M) => void,
    private readonly onDropped: (count: number) => void,
    private readonly capacity = 1_000,
  ) {}

  push(message: M): void {
    if (!this.paused) return this.deliver(message);
    if (this.queue.length < this.capacity) this.queue.push(message);
    else this.droppedCount++;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    const pending = this.queue.splice(0);
    for (const message of pending) {
      if (this.paused) {
        this.queue.push(message);
        continue;
      }
      this.deliver(message);
    }
    if (this.droppedCount > 0 && !this.paused) {
      const dropped = this.droppedCount;
      this.droppedCount = 0;
      this.onDropped(dropped);
    }
  }

  clear(): void {
    this.queue.length = 0;
  }
}
