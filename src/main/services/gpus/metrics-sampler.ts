import type { GpuMetrics } from '@shared/schemas/gpu';

/** A running loop-mode sampler (e.g. `nvidia-smi -l`): it calls back on its own clock until stopped. */
export interface MetricsStream {
  stop(): void;
}

export interface MetricsStreamHandlers {
  onSample(metrics: GpuMetrics[]): void;
  /** The stream ended on its own (program exited, crashed); the poller falls back to single calls. */
  onEnd(error: Error): void;
}

export interface MetricsSampler {
  /** One sample of every GPU this source knows. */
  sample(): Promise<GpuMetrics[]>;
  /** Loop mode, for sources whose single calls are expensive; absent when the source has none. */
  stream?(intervalSeconds: number, handlers: MetricsStreamHandlers): MetricsStream;
}

/** Samples several vendors' sources one after another; one failing source does not hide the others. */
export function combineMetricsSamplers(sources: MetricsSampler[]): MetricsSampler {
  if (sources.length === 1) return sources[0]!;
  return {
    async sample() {
      const results: GpuMetrics[] = [];
      let firstError: unknown;
      for (const source of sources) {
        try {
          results.push(...(await source.sample()));
        } catch (error) {
          firstError ??= error;
        }
      }
      if (results.length === 0 && firstError !== undefined) throw firstError;
      return results;
    },
  };
}
