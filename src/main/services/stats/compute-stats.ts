/**
 * One stats answer → one ContainerStats, with the formulas of the docker CLI (`cli/command/container/stats_helpers.go`)
 * so Berth's numbers are `docker stats`' numbers.
 */
import type { ContainerStats } from '@shared/schemas/stats';
import type { Counters, RawCpuStats, RawStats } from './raw-stats';

/** cgroup v1 reports "no limit" as the largest page-aligned int64; anything this large is no limit. */
const NO_LIMIT = 2 ** 62;

export interface ComputeOptions {
  /** The engine's memory (docker info MemTotal): a limit below it was set for the container. */
  machineMemoryBytes?: number;
}

/** The reading, and its counters for the next reading's deltas; null for a container that isn't running. */
export function computeStats(
  id: string,
  raw: RawStats,
  previous: Counters | null,
  options: ComputeOptions = {},
): { stats: ContainerStats; counters: Counters } | null {
  const time = Date.parse(raw.read ?? '');
  if (!Number.isFinite(time) || time <= 0) return null;
  const cpu = raw.cpu_stats ?? {};
  const onlineCpus = cpu.online_cpus || cpu.cpu_usage?.percpu_usage?.length || 1;
  const [blockRead, blockWrite] = blockIo(raw);
  const [netRx, netTx] = networkIo(raw);
  const counters: Counters = {
    time,
    cpuTotal: cpu.cpu_usage?.total_usage ?? 0,
    systemTotal: cpu.system_cpu_usage ?? 0,
    netRx,
    netTx,
    blockRead,
    blockWrite,
  };
  const cpuPercent = cpuPercentOf(counters, previous ?? countersOf(raw.precpu_stats), onlineCpus);
  const memoryBytes = memoryWithoutCache(raw);
  const memoryLimitBytes = raw.memory_stats?.limit ?? 0;
  const seconds = previous && time > previous.time ? (time - previous.time) / 1000 : null;
  const rate = (now: number, before: number | undefined) =>
    seconds === null || before === undefined ? null : Math.max(0, now - before) / seconds;
  return {
    counters,
    stats: {
      id,
      time,
      cpuPercent,
      cpuMachinePercent: cpuPercent === null ? null : cpuPercent / onlineCpus,
      onlineCpus,
      memoryBytes,
      memoryLimitBytes,
      memoryPercent: memoryLimitBytes > 0 ? (memoryBytes / memoryLimitBytes) * 100 : 0,
      memoryLimited: isLimited(raw, options.machineMemoryBytes),
      netRxBytes: netRx,
      netTxBytes: netTx,
      blockReadBytes: blockRead,
      blockWriteBytes: blockWrite,
      netRxRate: rate(netRx, previous?.netRx),
      netTxRate: rate(netTx, previous?.netTx),
      blockReadRate: rate(blockRead, previous?.blockRead),
      blockWriteRate: rate(blockWrite, previous?.blockWrite),
      pids: raw.pids_stats?.current ?? 0,
    },
  };
}

/** The engine's own earlier reading, when it took two (streaming, or a two-reading `stream=false`). */
function countersOf(precpu: RawCpuStats | undefined): Counters | null {
  if (!precpu?.system_cpu_usage) return null;
  return {
    time: 0,
    cpuTotal: precpu.cpu_usage?.total_usage ?? 0,
    systemTotal: precpu.system_cpu_usage,
    netRx: 0,
    netTx: 0,
    blockRead: 0,
    blockWrite: 0,
  };
}

/** docker's `calculateCPUPercentUnix`: the container's share of all host CPU time, times the cores. */
function cpuPercentOf(now: Counters, before: Counters | null, onlineCpus: number): number | null {
  if (!before || now.systemTotal === 0) return null;
  const cpuDelta = now.cpuTotal - before.cpuTotal;
  const systemDelta = now.systemTotal - before.systemTotal;
  if (systemDelta <= 0) return null;
  return cpuDelta > 0 ? (cpuDelta / systemDelta) * onlineCpus * 100 : 0;
}

/** docker's `calculateMemUsageUnixNoCache`: usage minus inactive file pages (v1: total_inactive_file, v2: inactive_file). */
export function memoryWithoutCache(raw: RawStats): number {
  const usage = raw.memory_stats?.usage ?? 0;
  const stats = raw.memory_stats?.stats ?? {};
  const v1 = stats.total_inactive_file;
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats.inactive_file ?? 0;
  if (v2 < usage) return usage - v2;
  return usage;
}

function isLimited(raw: RawStats, machineMemoryBytes: number | undefined): boolean {
  const hierarchical = raw.memory_stats?.stats?.hierarchical_memory_limit;
  if (hierarchical !== undefined) return hierarchical < NO_LIMIT;
  const limit = raw.memory_stats?.limit ?? 0;
  return machineMemoryBytes !== undefined && limit > 0 && limit < machineMemoryBytes;
}

/** docker's `calculateBlockIO`: bytes read and written, by the first letter of each entry's op (v1 `Read`, v2 `read`). */
function blockIo(raw: RawStats): [number, number] {
  let read = 0;
  let write = 0;
  for (const entry of raw.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op?.[0]?.toLowerCase();
    if (op === 'r') read += entry.value ?? 0;
    else if (op === 'w') write += entry.value ?? 0;
  }
  return [read, write];
}

function networkIo(raw: RawStats): [number, number] {
  let rx = 0;
  let tx = 0;
  for (const network of Object.values(raw.networks ?? {})) {
    rx += network.rx_bytes ?? 0;
    tx += network.tx_bytes ?? 0;
  }
  return [rx, tx];
}
