import type {
  ContainerStats,
  GpuFigures,
  ProjectStats,
  ServiceStats,
  StatsTarget,
  StatsTotals,
} from '@shared/schemas/stats';

/** GPU figures per compose service, keyed by `serviceKey`. */
export type GpuByService = ReadonlyMap<string, GpuFigures>;

export const serviceKey = (project: string, service: string): string => `${project}\u0000${service}`;

/**
 * Sums per service (its replicas) and per project (its services) over the latest reading of each target. CPU and
 * rates add up; a group's memory limit is the sum of its members' limits, or null when one has none.
 */
export function rollUpStats(
  targets: readonly StatsTarget[],
  latest: ReadonlyMap<string, ContainerStats>,
  gpu: GpuByService = new Map(),
): { services: ServiceStats[]; projects: ProjectStats[] } {
  const byService = new Map<string, { project: string; service: string; members: ContainerStats[] }>();
  for (const target of targets) {
    const stats = latest.get(target.id);
    if (!stats || !target.project || !target.service) continue;
    const key = serviceKey(target.project, target.service);
    const group = byService.get(key) ?? { project: target.project, service: target.service, members: [] };
    group.members.push(stats);
    byService.set(key, group);
  }
  const services = [...byService.entries()].map(([key, group]) => ({
    project: group.project,
    service: group.service,
    ...totals(group.members, gpu.get(key) ?? null),
  }));
  const byProject = new Map<string, ServiceStats[]>();
  for (const service of services) byProject.set(service.project, [...(byProject.get(service.project) ?? []), service]);
  const projects = [...byProject.entries()].map(([project, members]) => ({ project, ...sumTotals(members) }));
  return { services, projects };
}

function totals(members: readonly ContainerStats[], gpu: GpuFigures | null): StatsTotals {
  return {
    containers: members.length,
    cpuPercent: sumOrNull(members.map((m) => m.cpuPercent)),
    cpuMachinePercent: sumOrNull(members.map((m) => m.cpuMachinePercent)),
    memoryBytes: members.reduce((sum, m) => sum + m.memoryBytes, 0),
    memoryLimitBytes: members.every((m) => m.memoryLimited)
      ? members.reduce((sum, m) => sum + m.memoryLimitBytes, 0)
      : null,
    netRxRate: sumOrNull(members.map((m) => m.netRxRate)),
    netTxRate: sumOrNull(members.map((m) => m.netTxRate)),
    blockReadRate: sumOrNull(members.map((m) => m.blockReadRate)),
    blockWriteRate: sumOrNull(members.map((m) => m.blockWriteRate)),
    pids: members.reduce((sum, m) => sum + m.pids, 0),
    gpu,
  };
}

function sumTotals(members: readonly StatsTotals[]): StatsTotals {
  const limits = members.map((m) => m.memoryLimitBytes);
  return {
    containers: members.reduce((sum, m) => sum + m.containers, 0),
    cpuPercent: sumOrNull(members.map((m) => m.cpuPercent)),
    cpuMachinePercent: sumOrNull(members.map((m) => m.cpuMachinePercent)),
    memoryBytes: members.reduce((sum, m) => sum + m.memoryBytes, 0),
    memoryLimitBytes: limits.some((limit) => limit === null) ? null : sumOrNull(limits),
    netRxRate: sumOrNull(members.map((m) => m.netRxRate)),
    netTxRate: sumOrNull(members.map((m) => m.netTxRate)),
    blockReadRate: sumOrNull(members.map((m) => m.blockReadRate)),
    blockWriteRate: sumOrNull(members.map((m) => m.blockWriteRate)),
    pids: members.reduce((sum, m) => sum + m.pids, 0),
    gpu: combineGpu(members.map((m) => m.gpu).filter((figures): figures is GpuFigures => figures !== null)),
  };
}

/** A project's GPU figures: memory adds up; utilisation only when one service alone holds GPUs. */
function combineGpu(figures: readonly GpuFigures[]): GpuFigures | null {
  if (figures.length === 0) return null;
  if (figures.length === 1) return figures[0]!;
  return {
    memoryMiB: figures.reduce((sum, f) => sum + f.memoryMiB, 0),
    utilizationPercent: null,
    gpuIds: [...new Set(figures.flatMap((f) => f.gpuIds))],
  };
}

function sumOrNull(values: ReadonlyArray<number | null>): number | null {
  let sum: number | null = null;
  for (const value of values) if (value !== null) sum = (sum ?? 0) + value;
  return sum;
}
