import type Docker from 'dockerode';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatsSampler } from '../../../src/main/services/stats/stats-sampler';
import { FakeReader } from './fake-stats';

describe('StatsSampler', () => {
  afterEach(() => vi.useRealTimers());

  const setup = (historySize = 3) => {
    vi.useFakeTimers();
    const reader = new FakeReader();
    const sampler = new StatsSampler({
      getDocker: () => ({}) as Docker,
      intervalMs: 1_000,
      historySize,
      reader: () => reader,
    });
    return { reader, sampler };
  };

  it('reads nothing and runs no timer while nobody watches a container', async () => {
    const { reader, sampler } = setup();
    const watcher = sampler.watch(() => {});
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reader.reads).toEqual([]);
    expect(sampler.active).toBe(false);
    watcher.setContainers(['busy']);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(reader.reads.length).toBe(3);
    watcher.setContainers([]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reader.reads.length).toBe(3);
    expect(sampler.active).toBe(false);
  });

  it('reads the union of what its watchers show, once per round, and gives each its own', async () => {
    const { reader, sampler } = setup();
    const a: string[][] = [];
    const b: string[][] = [];
    sampler.watch((samples) => a.push(samples.map((s) => s.id))).setContainers(['busy', 'idle']);
    sampler.watch((samples) => b.push(samples.map((s) => s.id))).setContainers(['idle']);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(reader.reads.every((ids) => ids.length === 2)).toBe(true);
    expect(a.at(-1)).toEqual(['busy', 'idle']);
    expect(b.at(-1)).toEqual(['idle']);
  });

  it('computes CPU from its own previous reading and keeps a bounded ring per container', async () => {
    const { sampler } = setup(3);
    const seen: Array<number | null> = [];
    sampler.watch((samples) => seen.push(samples[0]!.cpuPercent)).setContainers(['busy']);
    await vi.advanceTimersByTimeAsync(4_500);
    expect(seen[0]).toBeNull();
    expect(seen.slice(1).every((cpu) => cpu !== null && Math.abs(cpu - 100) < 1e-9)).toBe(true);
    expect(sampler.history('busy').length).toBe(3);
    expect(sampler.history('busy').at(-1)!.netRxRate).toBe(1_000);
  });

  it('forgets containers nobody sampled for a while and closes the reader on dispose', async () => {
    vi.useFakeTimers();
    const reader = new FakeReader();
    let now = 0;
    const sampler = new StatsSampler({
      getDocker: () => ({}) as Docker,
      intervalMs: 1_000,
      forgetAfterMs: 10_000,
      reader: () => reader,
      now: () => now,
    });
    const watcher = sampler.watch(() => {});
    watcher.setContainers(['a']);
    await vi.advanceTimersByTimeAsync(10);
    watcher.setContainers(['b']);
    now = 20_000;
    await vi.advanceTimersByTimeAsync(1_100);
    expect(sampler.history('a')).toEqual([]);
    expect(sampler.trackedCount).toBe(1);
    sampler.dispose();
    expect(reader.closed).toBe(true);
  });
});
