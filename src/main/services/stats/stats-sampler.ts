import type Docker from 'dockerode';
import type { ContainerStats } from '@shared/schemas/stats';
import { RingBuffer } from '@shared/ring-buffer';
import { computeStats } from './compute-stats';
import type { Counters, RawStats } from './raw-stats';
import { oneShotReader, type StatsReader } from './stats-reader';

export interface StatsSamplerOptions {
  getDocker: () => Docker;
  /** Time between the starts of two rounds. */
  intervalMs?: number;
  /** Readings kept per container for sparklines (150 × 2 s = the last 5 minutes). */
  historySize?: number;
  /** A container's readings are forgotten once it hasn't been sampled for this long. */
  forgetAfterMs?: number;
  reader?: (getDocker: () => Docker) => StatsReader;
  /** The engine's memory, to tell a container's own limit from the machine's memory. */
  machineMemoryBytes?: () => number | undefined;
  now?: () => number;
}

/** One consumer's interest: the containers it shows. */
export interface StatsWatcher {
  setContainers(ids: Iterable<string>): void;
  close(): void;
}

interface Track {
  history: RingBuffer<ContainerStats>;
  counters: Counters | null;
  /** The engine's `read` of the last reading taken, to skip a streaming reader's unchanged one. */
  lastRead: string;
  lastSampledAt: number;
}

interface Watcher {
  ids: Set<string>;
  onSamples(samples: ContainerStats[]): void;
}

/**
 * Samples the containers someone is looking at, and only while someone is: every watcher names its containers,
 * each round reads the union once (one request per container), and no timer runs while the union is empty.
 * Rounds never overlap: the next starts `intervalMs` after the previous one started, or when it ended if it ran
 * longer. Keeps a bounded ring of recent readings per container.
 */
export class StatsSampler {
  private readonly watchers = new Set<Watcher>();
  private readonly tracks = new Map<string, Track>();
  private readonly reader: StatsReader;
  private readonly intervalMs: number;
  private readonly historySize: number;
  private readonly forgetAfterMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private disposed = false;

  constructor(private readonly options: StatsSamplerOptions) {
    this.reader = (options.reader ?? oneShotReader)(options.getDocker);
    this.intervalMs = options.intervalMs ?? 2_000;
    this.historySize = options.historySize ?? 150;
    this.forgetAfterMs = options.forgetAfterMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  watch(onSamples: (samples: ContainerStats[]) => void): StatsWatcher {
    const watcher: Watcher = { ids: new Set(), onSamples };
    this.watchers.add(watcher);
    return {
      setContainers: (ids) => {
        const before = watcher.ids;
        watcher.ids = new Set(ids);
        if ([...watcher.ids].some((id) => !before.has(id))) this.startSoon();
        else if (this.wanted().size === 0) this.stopTimer();
      },
      close: () => {
        this.watchers.delete(watcher);
        if (this.wanted().size === 0) this.stopTimer();
      },
    };
  }

  /** Readings kept for a container, oldest first. */
  history(id: string): ContainerStats[] {
    return this.tracks.get(id)?.history.toArray() ?? [];
  }

  /** Forgets a container's readings (it was removed). */
  forget(id: string): void {
    this.tracks.delete(id);
  }

  /** True while a timer or a round is pending: the "nothing runs when nobody watches" check. */
  get active(): boolean {
    return this.timer !== null || this.running;
  }

  /** How many containers have readings kept: bounded by what was watched in the last `forgetAfterMs`. */
  get trackedCount(): number {
    return this.tracks.size;
  }

  dispose(): void {
    this.disposed = true;
    this.stopTimer();
    this.watchers.clear();
    this.reader.close();
  }

  private wanted(): Set<string> {
    const ids = new Set<string>();
    for (const watcher of this.watchers) for (const id of watcher.ids) ids.add(id);
    return ids;
  }

  /** A new container became visible: read it now rather than at the next tick (unless a round is under way). */
  private startSoon(): void {
    if (this.running || this.disposed) return;
    this.stopTimer();
    this.timer = setTimeout(() => void this.round(), 0);
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async round(): Promise<void> {
    this.timer = null;
    const ids = [...this.wanted()];
    if (ids.length === 0 || this.disposed) return;
    this.running = true;
    const started = this.now();
    let samples: ContainerStats[] = [];
    try {
      samples = this.take(await this.reader.read(ids), started);
    } catch {
      // The engine went away: no readings this round; the next round tries again.
    } finally {
      this.running = false;
    }
    if (this.disposed) return;
    this.forgetStale(started);
    if (samples.length > 0) {
      for (const watcher of this.watchers) {
        const mine = samples.filter((sample) => watcher.ids.has(sample.id));
        if (mine.length > 0) watcher.onSamples(mine);
      }
    }
    if (this.wanted().size > 0 && !this.timer) {
      this.timer = setTimeout(() => void this.round(), Math.max(0, started + this.intervalMs - this.now()));
    }
  }

  private take(readings: Map<string, RawStats>, at: number): ContainerStats[] {
    const samples: ContainerStats[] = [];
    const machineMemoryBytes = this.options.machineMemoryBytes?.();
    for (const [id, raw] of readings) {
      let track = this.tracks.get(id);
      if (track && track.lastRead === raw.read) continue;
      const computed = computeStats(id, raw, track?.counters ?? null, { machineMemoryBytes });
      if (!computed) continue;
      if (!track) {
        track = { history: new RingBuffer(this.historySize), counters: null, lastRead: '', lastSampledAt: at };
        this.tracks.set(id, track);
      }
      track.counters = computed.counters;
      track.lastRead = raw.read ?? '';
      track.lastSampledAt = at;
      track.history.push(computed.stats);
      samples.push(computed.stats);
    }
    return samples;
  }

  private forgetStale(now: number): void {
    for (const [id, track] of this.tracks) if (now - track.lastSampledAt > this.forgetAfterMs) this.tracks.delete(id);
  }
}
