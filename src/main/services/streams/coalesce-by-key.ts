import type { PausableBuffer } from './pausable-buffer';

/**
 * Buffering policy "coalesce by key", for messages that each describe the latest state of something (a service's
 * pull progress, a container's stats sample): while paused, a message replaces the held one with the same key, in
 * its place; messages without a key (state transitions, `done`) are all kept, in order. At most `capacity` are held:
 * past that the oldest keyed one goes first (it will be superseded anyway), then the oldest of any.
 */
export class CoalesceByKey<M> implements PausableBuffer<M> {
  /** Held messages in delivery order; a keyed entry's message is replaced in place. */
  private readonly held: Array<{ key: string | null; message: M }> = [];
  private readonly indexOfKey = new Map<string, number>();
  private paused = false;

  constructor(
    private readonly deliver: (message: M) => void,
    private readonly keyOf: (message: M) => string | null,
    private readonly capacity = 1_000,
  ) {}

  get size(): number {
    return this.held.length;
  }

  push(message: M): void {
    if (!this.paused && this.held.length === 0) return this.deliver(message);
    const key = this.keyOf(message);
    const index = key === null ? undefined : this.indexOfKey.get(key);
    if (index !== undefined) {
      this.held[index]!.message = message;
      return;
    }
    if (this.held.length >= this.capacity) this.evictOne();
    if (key !== null) this.indexOfKey.set(key, this.held.length);
    this.held.push({ key, message });
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    let delivered = 0;
    while (!this.paused && delivered < this.held.length) this.deliver(this.held[delivered++]!.message);
    this.held.splice(0, delivered);
    this.reindex();
  }

  clear(): void {
    this.held.length = 0;
    this.indexOfKey.clear();
  }

  private evictOne(): void {
    const keyed = this.held.findIndex((entry) => entry.key !== null);
    this.held.splice(keyed === -1 ? 0 : keyed, 1);
    this.reindex();
  }

  private reindex(): void {
    this.indexOfKey.clear();
    this.held.forEach((entry, index) => {
      if (entry.key !== null) this.indexOfKey.set(entry.key, index);
    });
  }
}
