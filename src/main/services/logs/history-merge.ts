import type { LogLine } from '@shared/schemas/logs';

/** What the merge orders: log lines, and the run markers that sit between them. */
export interface TimedItem {
  time: string;
  source: number;
}

/** Queue length at which a source's reader is paused, and the one at which it reads again. */
const PAUSE_AT = 4_000;
const RESUME_AT = 1_000;

interface SourceQueue<T> {
  lines: T[];
  head: number;
  ended: boolean;
  paused: boolean;
}

export interface HistoryMergeHooks<T extends TimedItem = LogLine> {
  emit(line: T): void;
  pauseSource(source: number): void;
  resumeSource(source: number): void;
}

/**
 * Merges the history of several containers by timestamp, as `docker compose logs` shows it: a k-way merge that
 * only emits a line once every source still reading has a line queued (or has ended), so a slow container can't
 * be overtaken. A source that races ahead is paused at the engine rather than buffered without bound.
 */
export class HistoryMerge<T extends TimedItem = LogLine> {
  private readonly queues = new Map<number, SourceQueue<T>>();

  constructor(
    sources: readonly number[],
    private readonly hooks: HistoryMergeHooks<T>,
  ) {
    for (const source of sources) this.queues.set(source, { lines: [], head: 0, ended: false, paused: false });
  }

  push(line: T): void {
    const queue = this.queues.get(line.source);
    if (!queue) return;
    queue.lines.push(line);
    if (!queue.paused && queue.lines.length - queue.head > PAUSE_AT) {
      queue.paused = true;
      this.hooks.pauseSource(line.source);
    }
    this.drain();
  }

  end(source: number): void {
    const queue = this.queues.get(source);
    if (!queue) return;
    queue.ended = true;
    this.drain();
  }

  private drain(): void {
    for (;;) {
      let best: SourceQueue<T> | null = null;
      for (const queue of this.queues.values()) {
        if (queue.head === queue.lines.length) {
          if (!queue.ended) return;
          continue;
        }
        if (best === null || queue.lines[queue.head]!.time < best.lines[best.head]!.time) best = queue;
      }
      if (best === null) return;
      const line = best.lines[best.head++]!;
      this.compact(best, line.source);
      this.hooks.emit(line);
    }
  }

  private compact(queue: SourceQueue<T>, source: number): void {
    const queued = queue.lines.length - queue.head;
    if (queue.head > 1_024 && queue.head * 2 > queue.lines.length) {
      queue.lines = queue.lines.slice(queue.head);
      queue.head = 0;
    }
    if (queue.paused && queued < RESUME_AT) {
      queue.paused = false;
      this.hooks.resumeSource(source);
    }
  }
}
