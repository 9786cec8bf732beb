/**
 * A fixed-capacity FIFO that overwrites its oldest items and counts them, so callers can say
 * "N older lines dropped" instead of growing without bound. Shared by main (per stream) and the viewer.
 */
export class RingBuffer<T> {
  private readonly items: Array<T | undefined>;
  private head = 0;
  private count = 0;
  private evicted = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Items overwritten since the buffer was made or last cleared. */
  get droppedCount(): number {
    return this.evicted;
  }

  push(item: T): void {
    const tail = (this.head + this.count) % this.capacity;
    this.items[tail] = item;
    if (this.count < this.capacity) this.count++;
    else {
      this.head = (this.head + 1) % this.capacity;
      this.evicted++;
    }
  }

  pushAll(items: readonly T[]): void {
    for (const item of items) this.push(item);
  }

  /** The item `index` places after the oldest one. */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.items[(this.head + index) % this.capacity];
  }

  /** Removes and returns up to `max` of the oldest items. */
  shift(max: number = this.count): T[] {
    const taken: T[] = [];
    const n = Math.min(max, this.count);
    for (let i = 0; i < n; i++) {
      taken.push(this.items[this.head] as T);
      this.items[this.head] = undefined;
      this.head = (this.head + 1) % this.capacity;
    }
    this.count -= n;
    return taken;
  }

  toArray(): T[] {
    const result: T[] = [];
    for (let i = 0; i < this.count; i++) result.push(this.items[(this.head + i) % this.capacity] as T);
    return result;
  }

  /** Returns the dropped count and starts counting again. */
  takeDropped(): number {
    const dropped = this.evicted;
    this.evicted = 0;
    return dropped;
  }

  clear(): void {
    this.items.fill(undefined);
    this.head = 0;
    this.count = 0;
    this.evicted = 0;
  }
}
