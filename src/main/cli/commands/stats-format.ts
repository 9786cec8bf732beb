/** `berth stats` output: `docker stats`' table, column for column and number for number, or JSON. */
import type { ContainerStats, StatsTarget } from '@shared/schemas/stats';
import { bytesSize, goFixed, humanSizeWithPrecision } from './docker-units';
import { DOCKER_TABLE, formatTable } from './compose-table';

export const STATS_HEADERS = [
  'CONTAINER ID',
  'NAME',
  'CPU %',
  'MEM USAGE / LIMIT',
  'MEM %',
  'NET I/O',
  'BLOCK I/O',
  'PIDS',
];

const percent = (value: number | null) => (value === null ? '--' : `${goFixed(value, 2)}%`);
const io = (a: number, b: number) => `${humanSizeWithPrecision(a, 3)} / ${humanSizeWithPrecision(b, 3)}`;

export function statsRow(target: StatsTarget, stats: ContainerStats | undefined): string[] {
  const id = target.id.slice(0, 12);
  if (!stats) return [id, target.name, '--', '-- / --', '--', '--', '--', '--'];
  return [
    id,
    target.name,
    percent(stats.cpuPercent),
    `${bytesSize(stats.memoryBytes)} / ${bytesSize(stats.memoryLimitBytes)}`,
    percent(stats.memoryPercent),
    io(stats.netRxBytes, stats.netTxBytes),
    io(stats.blockReadBytes, stats.blockWriteBytes),
    String(stats.pids),
  ];
}

export function formatStatsTable(targets: readonly StatsTarget[], latest: ReadonlyMap<string, ContainerStats>): string {
  return formatTable(
    STATS_HEADERS,
    targets.map((target) => statsRow(target, latest.get(target.id))),
    DOCKER_TABLE,
  );
}

/** One JSON value per round: the containers with their numbers (bytes, percent), name and compose identity. */
export function statsJson(targets: readonly StatsTarget[], latest: ReadonlyMap<string, ContainerStats>): object[] {
  return targets.map((target) => ({ ...target, ...(latest.get(target.id) ?? {}) }));
}
