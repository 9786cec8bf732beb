import type { GpuDevice, GpuProcess, GpuProcessUsage, GpuUsage } from '@shared/schemas/gpu';
import { COMPOSE_LABELS } from '../compose/labels';

/** What usage attribution needs from the engine's container list. */
export interface ContainerRef {
  id: string;
  name: string;
  labels: Record<string, string>;
}

export type ContainerIdForPid = (pid: number) => Promise<string | null>;

/** Ties each GPU process (host PID) to its container through its cgroup, then to the compose project and service. */
export async function attributeGpuProcesses(
  processes: GpuProcess[],
  containers: ContainerRef[],
  containerIdForPid: ContainerIdForPid,
): Promise<GpuProcessUsage[]> {
  const byId = new Map(containers.map((container) => [container.id, container]));
  const usages: GpuProcessUsage[] = [];
  for (const process of processes) {
    const containerId = await containerIdForPid(process.pid);
    const container = containerId ? byId.get(containerId) : undefined;
    const project = container?.labels[COMPOSE_LABELS.project];
    const service = container?.labels[COMPOSE_LABELS.service];
    usages.push({
      ...process,
      containerId,
      containerName: container ? container.name.replace(/^\//, '') : null,
      compose: project && service ? { project, service } : null,
    });
  }
  return usages;
}

/**
 * Per GPU: its processes, memory per compose service, and memory outside compose. Processes without a GPU UUID
 * (rocm-smi does not say which GPU) are counted on the only GPU when there is exactly one, else left out.
 */
export function summarizeGpuUsage(gpus: GpuDevice[], usages: GpuProcessUsage[]): GpuUsage[] {
  return gpus.map((gpu) => {
    const processes = usages.filter((usage) =>
      usage.gpuUuid ? usage.gpuUuid === gpu.uuid : gpus.length === 1 && usage.gpuUuid === null,
    );
    const services = new Map<string, GpuUsage['services'][number]>();
    let otherMemoryMiB = 0;
    for (const usage of processes) {
      if (!usage.compose) {
        otherMemoryMiB += usage.usedMemoryMiB ?? 0;
        continue;
      }
      const key = `${usage.compose.project}\u0000${usage.compose.service}`;
      const entry = services.get(key) ?? { ...usage.compose, usedMemoryMiB: null, processCount: 0 };
      entry.processCount++;
      if (usage.usedMemoryMiB !== null) entry.usedMemoryMiB = (entry.usedMemoryMiB ?? 0) + usage.usedMemoryMiB;
      services.set(key, entry);
    }
    return { gpuId: gpu.id, processes, services: [...services.values()], otherMemoryMiB };
  });
}
