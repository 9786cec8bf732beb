import { RingBuffer } from '@shared/ring-buffer';

export interface RingOutput<T, M> {
  /** A batch of items, oldest first. */
  items(batch: readonly T[]): void;
  /** How many older items were dropped since the last report; said before the items that follow them. */
  dropped(count: number): void;
  /** A message that came between items (a notice, a marker), delivered after the items it followed. */
  message(message: M): void;
}

/** Messages held in order behind waiting items; more than this and the newest are not kept. */
const MAX_HELD_MESSAGES = 100;

/**
 * Buffering policy "ring with a dropped count", for a flood of items whose newest matter most (log lines): while
 * paused, items wait in a ring of `capacity`; past that the oldest are overwritten and counted, and the consumer is
 * told how many before the rest arrive. Items go out in batches of `batchSize`. Messages that arrive between items
 * wait until the items before them went out, so the order is kept.
 */
export class RingWithDroppedCount<T, M> {
  private readonly ring: RingBuffer<T>;
  private readonly held: M[] = [];
  private paused = false;

  constructor(
    capacity: number,
    private readonly output: RingOutput<T, M>,
    private readonly batchSize: number,
  ) {
    this.ring = new RingBuffer<T>(capacity);
  }

  pushItems(items: readonly T[]): void {
    if (this.paused || this.ring.size > 0) return this.ring.pushAll(items);
    for (let start = 0; start < items.length; start += this.batchSize) {
      if (this.paused) return this.ring.pushAll(items.slice(start));
      this.output.items(items.length <= this.batchSize ? items : items.slice(start, start + this.batchSize));
    }
  }

  pushMessage(message: M): void {
    if (this.ring.size === 0) this.output.message(message);
    else if (this.held.length < MAX_HELD_MESSAGES) this.held.push(message);
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.drain();
  }

  /** `all`: the stream is ending, so everything held goes out now (it is bounded by the ring) whatever flow control says. */
  drain(all = false): void {
    const dropped = this.ring.takeDropped();
    if (dropped > 0) this.output.dropped(dropped);
    while ((all || !this.paused) && this.ring.size > 0) this.output.items(this.ring.shift(this.batchSize));
    if (this.ring.size === 0) for (const message of this.held.splice(0)) this.output.message(message);
  }

  clear(): void {
    this.ring.clear();
    this.held.length = 0;
  }
}
