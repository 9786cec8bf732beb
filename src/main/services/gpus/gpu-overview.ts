import type { GpuOverview, GpuProcess, GpuRequest, HostGpuInventory } from '@shared/schemas/gpu';
import { COMPOSE_LABELS } from '../compose/labels';
import type { GpuDockerAccess, GpuContainer } from './docker-access';
import { assessGpuCapability } from './engine-capability';
import { findGpuConflicts } from './gpu-conflicts';
import { requestsFromDeviceRequests } from './gpu-requests';
import { attributeGpuProcesses, summarizeGpuUsage, type ContainerIdForPid } from './gpu-usage';

export interface GpuOverviewInput {
  inventory: HostGpuInventory;
  /** null when no engine answers: the overview then has GPUs but no capability, usage attribution or requests. */
  docker: GpuDockerAccess | null;
  engineIsLocal: boolean;
  hostPlatform: NodeJS.Platform;
  nvidiaToolkitOnHost: boolean | null;
  /** Processes on this machine's GPUs (nvidia-smi compute apps). */
  processes: GpuProcess[];
  containerIdForPid: ContainerIdForPid;
}

/** Everything the GPU page and `berth gpus` show, from already-gathered host data and the engine. */
export async function buildGpuOverview(input: GpuOverviewInput): Promise<GpuOverview> {
  const { inventory, docker } = input;
  if (!docker) {
    const usage = summarizeGpuUsage(inventory.gpus, await attributeGpuProcesses(input.processes, [], async () => null));
    return { inventory, capability: null, usage, requests: [], conflicts: [] };
  }
  const info = await docker.info();
  const capability = assessGpuCapability(info, {
    engineIsLocal: input.engineIsLocal,
    hostPlatform: input.hostPlatform,
    inventory,
    nvidiaToolkitOnHost: input.nvidiaToolkitOnHost,
  });
  const containers = await docker.listContainers();
  // A remote engine's containers are not this machine's processes: their PIDs would match unrelated host processes.
  const usages = await attributeGpuProcesses(
    input.processes,
    input.engineIsLocal ? containers : [],
    input.engineIsLocal ? input.containerIdForPid : async () => null,
  );
  const requests = await composeGpuRequests(docker, containers);
  return {
    inventory,
    capability,
    usage: summarizeGpuUsage(inventory.gpus, usages),
    requests,
    conflicts: findGpuConflicts(requests, inventory.gpus),
  };
}

/** Inspects compose containers one at a time (never a burst of calls) for the GPUs they were created with. */
async function composeGpuRequests(docker: GpuDockerAccess, containers: GpuContainer[]): Promise<GpuRequest[]> {
  const requests: GpuRequest[] = [];
  for (const container of containers) {
    const project = container.labels[COMPOSE_LABELS.project];
    const service = container.labels[COMPOSE_LABELS.service];
    if (!project || !service) continue;
    try {
      const deviceRequests = await docker.deviceRequests(container.id);
      requests.push(...requestsFromDeviceRequests({ project, service }, deviceRequests, container.running));
    } catch {
      // Removed between list and inspect: nothing to report for it.
    }
  }
  return mergeReplicas(requests);
}

/** Replicas of one service carry the same request; list it once, running if any replica runs. */
function mergeReplicas(requests: GpuRequest[]): GpuRequest[] {
  const merged = new Map<string, GpuRequest>();
  for (const request of requests) {
    const key = JSON.stringify([request.project, request.service, request.count, request.deviceIds, request.driver]);
    const existing = merged.get(key);
    merged.set(key, existing ? { ...existing, running: existing.running || request.running } : request);
  }
  return [...merged.values()];
}
