import { describe, expect, it } from 'vitest';
import type { ContainerStats, ServiceStats, StatsTarget } from '@shared/schemas/stats';
import { EMPTY_STATS, STATS_HISTORY, withStatsMessage } from '../../../src/renderer/src/features/stats/stats-data';
import { formatMemory, formatPercent, memoryTone } from '../../../src/renderer/src/features/stats/stats-format';
import { nextSort, sortedStatsRows } from '../../../src/renderer/src/features/stats/stats-table-rows';
import { containerStats } from './fake-stats';

const reading = (id: string, time: number, extra: Partial<ContainerStats> = {}) =>
  containerStats(id, { time, cpuPercent: 10, ...extra });

function totals(project: string, service: string, cpuPercent: number): ServiceStats {
  return {
    project,
    service,
    containers: 1,
    cpuPercent,
    cpuMachinePercent: cpuPercent / 2,
    memoryBytes: 100,
    memoryLimitBytes: null,
    netRxRate: null,
    netTxRate: null,
    blockReadRate: null,
    blockWriteRate: null,
    pids: 1,
    gpu: null,
  };
}

const target = (id: string, name: string, project: string | null = null): StatsTarget => ({
  id,
  name,
  project,
  service: project ? name : null,
});

describe('the renderer stats data', () => {
  it('keeps a capped history per container and per service, oldest first', () => {
    let data = withStatsMessage(EMPTY_STATS, { type: 'targets', targets: [target('a', 'web', 'demo')] });
    for (let round = 0; round < STATS_HISTORY + 5; round += 1) {
      data = withStatsMessage(data, {
        type: 'samples',
        samples: [reading('a', round)],
        services: [totals('demo', 'web', round)],
        projects: [],
      });
    }
    expect(data.history.a).toHaveLength(STATS_HISTORY);
    expect(data.history.a![0]!.time).toBe(5);
    expect(data.serviceHistory['demo/web']).toHaveLength(STATS_HISTORY);
    expect(data.services['demo/web']!.cpuPercent).toBe(STATS_HISTORY + 4);
  });

  it('forgets the readings of containers that stopped running, and history arrives before samples', () => {
    let data = withStatsMessage(EMPTY_STATS, { type: 'history', samples: [reading('a', 1), reading('b', 1)] });
    expect(Object.keys(data.history).sort()).toEqual(['a', 'b']);
    data = withStatsMessage(data, { type: 'targets', targets: [target('b', 'db')] });
    expect(Object.keys(data.history)).toEqual(['b']);
    expect(data.targets).toHaveLength(1);
  });

  it('sorts figures biggest first and names alphabetically, ties by name', () => {
    const rows = [
      { target: target('1', 'b'), latest: reading('1', 0, { cpuPercent: 5 }) },
      { target: target('2', 'a'), latest: reading('2', 0, { cpuPercent: 50 }) },
      { target: target('3', 'c'), latest: undefined },
      { target: target('4', 'd'), latest: reading('4', 0, { cpuPercent: 5 }) },
    ];
    const byCpu = nextSort({ key: 'name', descending: false }, 'cpu');
    expect(byCpu).toEqual({ key: 'cpu', descending: true });
    expect(sortedStatsRows(rows, byCpu).map((row) => row.target.name)).toEqual(['a', 'b', 'd', 'c']);
    expect(sortedStatsRows(rows, nextSort(byCpu, 'name')).map((row) => row.target.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(nextSort(nextSort(byCpu, 'name'), 'name').descending).toBe(true);
  });

  it('turns a memory bar amber at 80 % of the limit and red at 95 %', () => {
    expect(memoryTone(790, 1_000)).toBe('ok');
    expect(memoryTone(800, 1_000)).toBe('warn');
    expect(memoryTone(950, 1_000)).toBe('bad');
    expect(memoryTone(10_000, null)).toBe('ok');
    expect(formatMemory(1536, 1024 * 1024)).toBe('1.5 KB / 1.0 MB');
    expect(formatMemory(1536, null)).toBe('1.5 KB');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(12.345)).toBe('12.3%');
  });
});
