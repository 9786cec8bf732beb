import type { GpuMetrics, GpuPollVisibility } from '@shared/schemas/gpu';
import type { MetricsSampler, MetricsStream } from './metrics-sampler';

export interface PollerIntervals {
  visibleMs: number;
  backgroundMs: number;
}

export const DEFAULT_POLL_INTERVALS: PollerIntervals = { visibleMs: 2_000, backgroundMs: 10_000 };
/** A single nvidia-smi call slower than this (seconds-long on some hosts) is replaced by its own loop mode. */
export const DEFAULT_SLOW_CALL_MS = 1_000;

export interface PollerOptions {
  source: MetricsSampler;
  onSample(metrics: GpuMetrics[]): void;
  onError?(error: unknown): void;
  intervals?: PollerIntervals;
  slowCallMs?: number;
  now?: () => number;
}

export type PollerMode = 'stopped' | 'polling' | 'loop';

/**
 * Live GPU metrics at the rate the UI needs: every 2 s while visible, every 10 s in the background, nothing while
 * hidden. Calls never overlap: the next one is scheduled when the previous one returns. When one call is slow, the
 * poller hands over to the source's loop mode (one long-lived process) instead of paying start-up cost each time.
 */
export class GpuMetricsPoller {
  private visibility: GpuPollVisibility = 'hidden';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stream: MetricsStream | undefined;
  private streamIntervalSeconds = 0;
  /** Bumped on every start/stop so a call that returns after a stop is ignored. */
  private generation = 0;
  private inFlight = false;
  private useLoop = false;
  private readonly intervals: PollerIntervals;
  private readonly slowCallMs: number;
  private readonly now: () => number;

  constructor(private readonly options: PollerOptions) {
    this.intervals = options.intervals ?? DEFAULT_POLL_INTERVALS;
    this.slowCallMs = options.slowCallMs ?? DEFAULT_SLOW_CALL_MS;
    this.now = options.now ?? Date.now;
  }

  get mode(): PollerMode {
    if (this.stream) return 'loop';
    return this.visibility === 'hidden' ? 'stopped' : 'polling';
  }

  setVisibility(visibility: GpuPollVisibility): void {
    if (visibility === this.visibility) return;
    this.visibility = visibility;
    this.restart();
  }

  stop(): void {
    this.setVisibility('hidden');
  }

  private intervalMs(): number {
    return this.visibility === 'visible' ? this.intervals.visibleMs : this.intervals.backgroundMs;
  }

  private restart(): void {
    this.generation++;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.stopStream();
    if (this.visibility === 'hidden') return;
    if (this.useLoop && this.options.source.stream) this.startStream();
    // A call still running from before keeps its slot: the next one is scheduled when it returns.
    else if (!this.inFlight) void this.tick(this.generation);
  }

  private async tick(generation: number): Promise<void> {
    this.inFlight = true;
    const startedAt = this.now();
    let slow = false;
    try {
      const metrics = await this.options.source.sample();
      if (generation === this.generation) this.options.onSample(metrics);
      slow = this.now() - startedAt > this.slowCallMs;
    } catch (error) {
      if (generation === this.generation) this.options.onError?.(error);
    } finally {
      this.inFlight = false;
    }
    if (this.visibility === 'hidden') return;
    if (generation !== this.generation) {
      // Visibility changed while this call ran: restart() left scheduling to us.
      if (!this.timer && !this.stream) void this.tick(this.generation);
      return;
    }
    if (slow && this.options.source.stream) {
      this.useLoop = true;
      this.startStream();
      return;
    }
    const elapsed = this.now() - startedAt;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.tick(generation);
      },
      Math.max(0, this.intervalMs() - elapsed),
    );
  }

  private startStream(): void {
    const intervalSeconds = Math.max(1, Math.round(this.intervalMs() / 1000));
    const generation = this.generation;
    this.streamIntervalSeconds = intervalSeconds;
    this.stream = this.options.source.stream!(intervalSeconds, {
      onSample: (metrics) => {
        if (generation === this.generation) this.options.onSample(metrics);
      },
      onEnd: (error) => {
        if (generation !== this.generation) return;
        this.stream = undefined;
        this.useLoop = false;
        this.options.onError?.(error);
        if (this.visibility !== 'hidden') {
          this.timer = setTimeout(() => {
            this.timer = undefined;
            void this.tick(generation);
          }, this.intervalMs());
        }
      },
    });
  }

  private stopStream(): void {
    this.stream?.stop();
    this.stream = undefined;
  }

  /** For tests and diagnostics: the loop interval in use, 0 when not in loop mode. */
  get loopIntervalSeconds(): number {
    return this.stream ? this.streamIntervalSeconds : 0;
  }
}
