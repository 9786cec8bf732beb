import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GpuMetrics } from '@shared/schemas/gpu';
import type { MetricsSampler, MetricsStreamHandlers } from '../../../src/main/services/gpus/metrics-sampler';
import { GpuMetricsPoller } from '../../../src/main/services/gpus/metrics-poller';

const sample = (utilizationPercent: number): GpuMetrics[] => [
  {
    gpuId: 'GPU-1',
    utilizationPercent,
    memoryUsedMiB: 1,
    memoryTotalMiB: 2,
    temperatureC: 30,
    powerDrawW: 10,
    powerLimitW: 100,
    sampledAt: Date.now(),
  },
];

/** A source whose calls take `callMs` of fake time, recording how many overlap. */
function fakeSource(callMs: number, withStream = false) {
  const state = {
    calls: 0,
    running: 0,
    maxRunning: 0,
    streams: [] as Array<{ interval: number; stopped: boolean; handlers: MetricsStreamHandlers }>,
  };
  const source: MetricsSampler = {
    async sample() {
      state.calls++;
      state.running++;
      state.maxRunning = Math.max(state.maxRunning, state.running);
      await new Promise((resolve) => setTimeout(resolve, callMs));
      state.running--;
      return sample(state.calls);
    },
  };
  if (withStream) {
    source.stream = (interval, handlers) => {
      const entry = { interval, stopped: false, handlers };
      state.streams.push(entry);
      return { stop: () => void (entry.stopped = true) };
    };
  }
  return { source, state };
}

describe('GpuMetricsPoller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('does nothing until the GPU view is visible', async () => {
    const { source, state } = fakeSource(10);
    new GpuMetricsPoller({ source, onSample: () => {} });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(state.calls).toBe(0);
  });

  it('samples every 2 s while visible and every 10 s in the background', async () => {
    const { source, state } = fakeSource(10);
    const samples: GpuMetrics[][] = [];
    const poller = new GpuMetricsPoller({ source, onSample: (metrics) => samples.push(metrics) });
    poller.setVisibility('visible');
    await vi.advanceTimersByTimeAsync(10_050);
    expect(state.calls).toBe(6); // t = 0, 2, 4, 6, 8, 10 s
    expect(samples).toHaveLength(6);
    poller.setVisibility('background');
    const before = state.calls;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state.calls - before).toBe(3);
    poller.stop();
  });

  it('stops polling when hidden, and drops a sample that returns after that', async () => {
    const { source, state } = fakeSource(500);
    const samples: GpuMetrics[][] = [];
    const poller = new GpuMetricsPoller({ source, onSample: (metrics) => samples.push(metrics) });
    poller.setVisibility('visible');
    await vi.advanceTimersByTimeAsync(100); // first call in flight
    poller.setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(state.calls).toBe(1);
    expect(samples).toEqual([]);
    expect(poller.mode).toBe('stopped');
  });

  it('never runs two calls at once, even when calls are slower than the interval', async () => {
    const { source, state } = fakeSource(3_000);
    const poller = new GpuMetricsPoller({ source, onSample: () => {}, slowCallMs: 60_000 });
    poller.setVisibility('visible');
    poller.setVisibility('background');
    poller.setVisibility('visible');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state.maxRunning).toBe(1);
    expect(state.calls).toBe(10);
    poller.stop();
  });

  it('switches to the source’s loop mode when a call is slow, and stops the loop when hidden', async () => {
    const { source, state } = fakeSource(1_500, true);
    const samples: GpuMetrics[][] = [];
    const poller = new GpuMetricsPoller({ source, onSample: (metrics) => samples.push(metrics) });
    poller.setVisibility('visible');
    await vi.advanceTimersByTimeAsync(1_600);
    expect(poller.mode).toBe('loop');
    expect(state.streams).toHaveLength(1);
    expect(state.streams[0]!.interval).toBe(2);
    state.streams[0]!.handlers.onSample(sample(42));
    expect(samples.at(-1)![0]!.utilizationPercent).toBe(42);

    poller.setVisibility('background');
    expect(state.streams[0]!.stopped).toBe(true);
    expect(state.streams[1]!.interval).toBe(10);

    poller.setVisibility('hidden');
    expect(state.streams[1]!.stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(state.calls).toBe(1);
    expect(poller.mode).toBe('stopped');
  });

  it('falls back to single calls when the loop process ends', async () => {
    const { source, state } = fakeSource(1_500, true);
    const errors: unknown[] = [];
    const poller = new GpuMetricsPoller({ source, onSample: () => {}, onError: (error) => errors.push(error) });
    poller.setVisibility('visible');
    await vi.advanceTimersByTimeAsync(1_600);
    state.streams[0]!.handlers.onEnd(new Error('exit 9'));
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_100);
    expect(state.calls).toBe(2);
    poller.stop();
  });

  it('reports errors and keeps polling', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const source: MetricsSampler = {
      async sample() {
        calls++;
        throw new Error('nvidia-smi failed');
      },
    };
    const poller = new GpuMetricsPoller({ source, onSample: () => {}, onError: (error) => errors.push(error) });
    poller.setVisibility('visible');
    await vi.advanceTimersByTimeAsync(4_100);
    expect(calls).toBe(3);
    expect(errors).toHaveLength(3);
    poller.stop();
  });
});
