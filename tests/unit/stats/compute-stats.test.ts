import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeStats, memoryWithoutCache } from '../../../src/main/services/stats/compute-stats';
import type { RawStats } from '../../../src/main/services/stats/raw-stats';

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as RawStats;
/** Recorded from dockerd 20.10 on cgroup v1 (`stats?stream=false&one-shot=true`; busy-precpu without one-shot). */
const v1 = (name: string) => fixture(`engine-20.10-cgroup1-${name}`);

describe('computeStats (docker stats formulas)', () => {
  it('has no CPU % from a lone one-shot reading (the engine took only one)', () => {
    const result = computeStats('busy', v1('busy-1'), null)!;
    expect(result.stats.cpuPercent).toBeNull();
    expect(result.stats.netRxRate).toBeNull();
    expect(result.stats.onlineCpus).toBe(2);
  });

  it('computes CPU % against the previous reading: cpu delta / system delta × cores × 100', () => {
    const first = computeStats('busy', v1('busy-1'), null)!;
    const second = computeStats('busy', v1('busy-2'), first.counters)!;
    // (2666622169 − 2322921077) / (15761000000000 − 15758920000000) × 2 × 100
    expect(second.stats.cpuPercent).toBeCloseTo((343_701_092 / 2_080_000_000) * 200, 9);
    expect(second.stats.cpuMachinePercent).toBeCloseTo(second.stats.cpuPercent! / 2, 9);
    expect(second.stats.netRxRate).toBe(0);
  });

  it("uses the engine's own earlier reading (precpu_stats) when it took two", () => {
    const result = computeStats('busy', v1('busy-precpu'), null)!;
    expect(result.stats.cpuPercent).toBeCloseTo((473_445_197 / 2_010_000_000) * 200, 9);
  });

  it('reports memory without cache, the limit, whether it is a set limit, and PIDs', () => {
    const hog = computeStats('hog', v1('hog'), null)!.stats;
    expect(hog.memoryBytes).toBe(50_757_632);
    expect(hog.memoryLimitBytes).toBe(134_217_728);
    expect(hog.memoryPercent).toBeCloseTo((50_757_632 / 134_217_728) * 100, 9);
    expect(hog.memoryLimited).toBe(true);
    expect(hog.pids).toBe(1);
    expect(computeStats('busy', v1('busy-1'), null)!.stats.memoryLimited).toBe(false);
  });

  it('sums every network; a container without one has zeros', () => {
    expect(computeStats('hog', v1('hog'), null)!.stats.netRxBytes).toBe(586);
    const none = computeStats('none', v1('none'), null)!.stats;
    expect([none.netRxBytes, none.netTxBytes]).toEqual([0, 0]);
  });

  it('gives nothing for a container that is not running (zero read time)', () => {
    expect(computeStats('stopped', v1('stopped'), null)).toBeNull();
  });

  it('reads the cgroup v2 shape: inactive_file, lower-case blkio ops, online_cpus', () => {
    const raw = fixture('cgroup2-shape');
    const { stats } = computeStats('v2', raw, null, { machineMemoryBytes: 16 * 2 ** 30 })!;
    expect(stats.memoryBytes).toBe(209_715_200 - 52_428_800);
    expect(stats.memoryLimited).toBe(true);
    expect([stats.blockReadBytes, stats.blockWriteBytes]).toEqual([4_096_000, 1_024_000]);
    expect([stats.netRxBytes, stats.netTxBytes]).toEqual([2_000, 1_000]);
    expect(stats.cpuPercent).toBeCloseTo((2e9 / 8e9) * 8 * 100, 9);
    expect(stats.pids).toBe(12);
  });

  it('computes rates per second between readings and never goes negative after a restart', () => {
    const raw = fixture('cgroup2-shape');
    const first = computeStats('v2', raw, null)!;
    const later: RawStats = {
      ...raw,
      read: '2026-12-04T19:10:02.000000000Z',
      networks: { eth0: { rx_bytes: 5_500, tx_bytes: 700 } },
      blkio_stats: { io_service_bytes_recursive: [{ op: 'read', value: 4_096_000 + 2_000_000 }] },
    };
    const second = computeStats('v2', later, first.counters)!.stats;
    expect(second.netRxRate).toBe((5_500 - 2_000) / 2);
    expect(second.netTxRate).toBe(0);
    expect(second.blockReadRate).toBe(1_000_000);
  });

  it('subtracts cache only when it is smaller than usage, as docker does', () => {
    expect(memoryWithoutCache({ memory_stats: { usage: 100, stats: { total_inactive_file: 150 } } })).toBe(100);
    expect(memoryWithoutCache({ memory_stats: { usage: 100, stats: { total_inactive_file: 30 } } })).toBe(70);
  });
});
