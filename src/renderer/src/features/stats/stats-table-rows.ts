import type { ContainerStats, StatsTarget } from '@shared/schemas/stats';

export interface StatsRow {
  target: StatsTarget;
  latest: ContainerStats | undefined;
}

export type StatsSortKey = 'name' | 'project' | 'cpu' | 'memory' | 'memoryPercent' | 'net' | 'block' | 'pids';
export interface StatsSort {
  key: StatsSortKey;
  descending: boolean;
}

const sum = (a: number | null | undefined, b: number | null | undefined) => (a ?? 0) + (b ?? 0);

const VALUE_OF: Record<StatsSortKey, (row: StatsRow) => number | string> = {
  name: (row) => row.target.name,
  project: (row) => `${row.target.project ?? '~'}/${row.target.service ?? ''}`,
  cpu: (row) => row.latest?.cpuPercent ?? -1,
  memory: (row) => row.latest?.memoryBytes ?? -1,
  memoryPercent: (row) => row.latest?.memoryPercent ?? -1,
  net: (row) => sum(row.latest?.netRxRate, row.latest?.netTxRate),
  block: (row) => sum(row.latest?.blockReadRate, row.latest?.blockWriteRate),
  pids: (row) => row.latest?.pids ?? -1,
};

/** The table's rows, sorted; ties keep name order so rows don't jump between rounds. */
export function sortedStatsRows(rows: StatsRow[], sort: StatsSort): StatsRow[] {
  const value = VALUE_OF[sort.key];
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const left = value(a);
    const right = value(b);
    const order = typeof left === 'string' ? left.localeCompare(String(right)) : left - (right as number);
    return order !== 0 ? order * direction : a.target.name.localeCompare(b.target.name);
  });
}

/** Text columns start ascending, figures descending (the biggest consumer first). */
export function nextSort(current: StatsSort, key: StatsSortKey): StatsSort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key !== 'name' && key !== 'project' };
}
