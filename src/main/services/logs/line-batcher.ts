import type { LogLine } from '@shared/schemas/logs';
import type { TimedItem } from './history-merge';

/** Most lines handed on at once; also bounds the size of one stream message. */
export const MAX_BATCH_LINES = 500;

/**
 * Collects lines and hands them on in batches: at once when a batch is full, otherwise after `windowMs`. Lines that
 * several containers print live within one window are put in timestamp order (a stable sort keeps each container's
 * own order).
 */
export class LineBatcher<T extends TimedItem = LogLine> {
  private batch: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private sortNeeded = false;

  constructor(
    private readonly deliver: (lines: T[]) => void,
    private readonly windowMs = 16,
  ) {}

  add(line: T): void {
    const previous = this.batch[this.batch.length - 1];
    if (previous && previous.time > line.time) this.sortNeeded = true;
    this.batch.push(line);
    if (this.batch.length >= MAX_BATCH_LINES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.windowMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.batch.length === 0) return;
    const lines = this.batch;
    this.batch = [];
    if (this.sortNeeded) lines.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    this.sortNeeded = false;
    this.deliver(lines);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.batch = [];
  }
}
