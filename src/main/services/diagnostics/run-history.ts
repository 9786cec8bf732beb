/**
 * What Berth has seen of each container's runs: engine events (die, start, kill, oom) and the restart counts of
 * inspects, kept briefly and bounded. It tells a crash loop (N restarts in M minutes) from an old restart count, and
 * a stop request (kill SIGTERM, then maybe SIGKILL) from a `docker kill` or the kernel.
 */
import type { EngineEvent } from '@shared/schemas/engine';

/** "Crash loop": at least this many restarts within the window. */
export const CRASH_LOOP_RESTARTS = 3;
export const CRASH_LOOP_WINDOW_MS = 5 * 60_000;
/** Entries kept per container, and how long a container nobody asks about is remembered. */
const KEEP = 32;
const FORGET_AFTER_MS = 30 * 60_000;

export interface KillRecord {
  at: number;
  signal: string;
}

interface ContainerRuns {
  /** Epoch ms of starts that followed a die: restarts. */
  restarts: number[];
  dies: Array<{ at: number; exitCode: number | null }>;
  kills: KillRecord[];
  oomAt: number | null;
  /** Restart counts read by inspect, to count restarts that happened between two looks. */
  counts: Array<{ at: number; restartCount: number }>;
  lastSeen: number;
}

const push = <T>(list: T[], item: T) => {
  list.push(item);
  if (list.length > KEEP) list.shift();
};

export class RunHistory {
  private readonly runs = new Map<string, ContainerRuns>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records an engine event of a container; other events are ignored. */
  recordEvent(event: EngineEvent): void {
    if (event.type !== 'container' || !event.id) return;
    const at = Math.round(event.timeNano / 1e6);
    if (event.action === 'destroy') return void this.runs.delete(event.id);
    const runs = this.entry(event.id);
    switch (event.action) {
      case 'die': {
        const code = Number(event.attributes.exitCode);
        push(runs.dies, { at, exitCode: Number.isFinite(code) ? code : null });
        break;
      }
      case 'start':
        if (runs.dies.length > 0) push(runs.restarts, at);
        break;
      case 'kill':
        push(runs.kills, { at, signal: event.attributes.signal ?? '' });
        break;
      case 'oom':
        runs.oomAt = at;
        break;
    }
  }

  /** Records what an inspect said. */
  recordInspect(id: string, restartCount: number): void {
    const runs = this.entry(id);
    const last = runs.counts[runs.counts.length - 1];
    if (!last || last.restartCount !== restartCount) push(runs.counts, { at: this.now(), restartCount });
  }

  /** Restarts seen within the window: from events, or from restart counts that grew between inspects. */
  restartsWithin(id: string, windowMs = CRASH_LOOP_WINDOW_MS): number {
    const runs = this.runs.get(id);
    if (!runs) return 0;
    const since = this.now() - windowMs;
    const fromEvents = runs.restarts.filter((at) => at >= since).length;
    const inWindow = runs.counts.filter((entry) => entry.at >= since);
    const before = runs.counts.filter((entry) => entry.at < since).pop();
    const first = before ?? inWindow[0];
    const last = inWindow[inWindow.length - 1];
    const fromCounts = first && last ? Math.max(0, last.restartCount - first.restartCount) : 0;
    return Math.max(fromEvents, fromCounts);
  }

  /**
   * The kill signals sent shortly before the last exit (within `windowMs` of it): `['15']` for a stop, `['15', '9']`
   * for a stop that timed out, `['9']` for `docker kill`; empty when none was seen.
   */
  killsBeforeExit(id: string, exitedAt: number, windowMs = 60_000): string[] {
    const runs = this.runs.get(id);
    if (!runs) return [];
    return runs.kills
      .filter((kill) => kill.at <= exitedAt + 1_000 && kill.at >= exitedAt - windowMs)
      .map((k) => k.signal);
  }

  /** True when the engine reported an OOM event for the container at or before its last exit. */
  sawOom(id: string, since: number): boolean {
    const oomAt = this.runs.get(id)?.oomAt ?? null;
    return oomAt !== null && oomAt >= since;
  }

  /** Drops containers nobody asked about for a while; call now and then. */
  prune(): void {
    const cutoff = this.now() - FORGET_AFTER_MS;
    for (const [id, runs] of this.runs) if (runs.lastSeen < cutoff) this.runs.delete(id);
  }

  get size(): number {
    return this.runs.size;
  }

  private entry(id: string): ContainerRuns {
    let runs = this.runs.get(id);
    if (!runs) {
      runs = { restarts: [], dies: [], kills: [], oomAt: null, counts: [], lastSeen: this.now() };
      this.runs.set(id, runs);
    }
    runs.lastSeen = this.now();
    return runs;
  }
}
