/** GPU memory and utilisation per compose service, from the GPU layer's usage map (processes tied to containers). */
import type { GpuMetrics, GpuUsage } from '@shared/schemas/gpu';
import type { GpuFigures } from '@shared/schemas/stats';
import type { GpuService } from '../gpus/gpu-service';
import { attributeGpuProcesses, summarizeGpuUsage, type ContainerRef } from '../gpus/gpu-usage';
import { containerIdForPid } from '../gpus/pid-to-container';
import { serviceKey, type GpuByService } from './stats-rollup';

/**
 * Memory adds up over the GPUs a service uses. A GPU reports one utilisation for all its processes, so a service
 * gets it only when it is alone on every GPU it uses (the mean over them); otherwise null, not a guess.
 */
export function gpuFiguresByService(usage: readonly GpuUsage[], metrics: readonly GpuMetrics[]): GpuByService {
  const figures = new Map<string, GpuFigures & { exclusive: boolean; utilizations: number[] }>();
  for (const gpu of usage) {
    const reading = metrics.find((metric) => metric.gpuId === gpu.gpuId);
    const alone = gpu.services.length === 1 && gpu.otherMemoryMiB === 0 && gpu.processes.every((p) => p.compose);
    for (const service of gpu.services) {
      const key = serviceKey(service.project, service.service);
      const entry = figures.get(key) ?? {
        memoryMiB: 0,
        utilizationPercent: null,
        gpuIds: [],
        exclusive: true,
        utilizations: [],
      };
      entry.memoryMiB += service.usedMemoryMiB ?? 0;
      entry.gpuIds.push(gpu.gpuId);
      const utilization = reading?.utilizationPercent ?? null;
      if (!alone || utilization === null) entry.exclusive = false;
      else entry.utilizations.push(utilization);
      figures.set(key, entry);
    }
  }
  const result = new Map<string, GpuFigures>();
  for (const [key, { memoryMiB, gpuIds, exclusive, utilizations }] of figures) {
    const utilizationPercent =
      exclusive && utilizations.length > 0 ? utilizations.reduce((a, b) => a + b, 0) / utilizations.length : null;
    result.set(key, { memoryMiB, utilizationPercent, gpuIds });
  }
  return result;
}

export type GpuFiguresReader = (containers: readonly ContainerRef[]) => Promise<GpuByService>;

/** Reads the usage map through the GPU service: nothing is run on a machine without GPUs. */
export function gpuFiguresReader(gpus: GpuService, procRoot?: string): GpuFiguresReader {
  return async (containers) => {
    const inventory = await gpus.inventory();
    if (inventory.gpus.length === 0) return new Map();
    const [processes, metrics] = await Promise.all([gpus.gpuProcesses(), gpus.sampleMetrics()]);
    const usages = await attributeGpuProcesses(processes, [...containers], (pid) => containerIdForPid(pid, procRoot));
    return gpuFiguresByService(summarizeGpuUsage(inventory.gpus, usages), metrics);
  };
}
