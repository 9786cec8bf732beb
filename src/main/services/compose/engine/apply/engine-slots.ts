/** A counting semaphore whose waiters are served lowest priority number first (ties: first come, first served). */
export class EngineSlots {
  private inUse = 0;
  private readonly waiting: { priority: number; order: number; wake: () => void }[] = [];
  private arrivals = 0;

  constructor(private readonly limit: number) {}

  async run<T>(priority: number, task: () => Promise<T>): Promise<T> {
    if (this.inUse >= this.limit) {
      await new Promise<void>((wake) => {
        this.waiting.push({ priority, order: this.arrivals++, wake });
        this.waiting.sort((a, b) => a.priority - b.priority || a.order - b.order);
      });
    } else {
      this.inUse++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so inUse stays as it is.
      if (next) next.wake();
      else this.inUse--;
    }
  }
}
