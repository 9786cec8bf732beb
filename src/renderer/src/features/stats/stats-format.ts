import { formatBytes } from '../volumes/format';

/** "12.3%"; "—" until a figure exists (CPU needs two readings). */
export function formatPercent(value: number | null): string {
  if (value === null) return '—';
  return `${value.toFixed(value >= 100 ? 0 : 1)}%`;
}

/** "1.2 MB/s"; "—" on the first reading. */
export function formatRate(bytesPerSecond: number | null): string {
  return bytesPerSecond === null ? '—' : `${formatBytes(Math.round(bytesPerSecond))}/s`;
}

/** "340 MB / 2.0 GB", or "340 MB" when the container may use the whole machine. */
export function formatMemory(used: number, limit: number | null): string {
  return limit === null ? formatBytes(used) : `${formatBytes(used)} / ${formatBytes(limit)}`;
}

export type MemoryTone = 'ok' | 'warn' | 'bad';

/** Amber from 80 % of a memory limit, red from 95 %: the kernel kills the container at 100 %. */
export function memoryTone(used: number, limit: number | null): MemoryTone {
  if (!limit) return 'ok';
  const share = used / limit;
  return share >= 0.95 ? 'bad' : share >= 0.8 ? 'warn' : 'ok';
}
