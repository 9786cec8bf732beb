import type { ComposeServiceRef, GpuConflict, GpuDevice, GpuRequest } from '@shared/schemas/gpu';

/**
 * The GPUs a request ends up with. Docker's NVIDIA driver gives `count: N` the first N GPUs by index, so counts
 * pin GPUs too. `device_ids` may be indexes, GPU UUIDs, MIG UUIDs or `gpu:mig` pairs; MIG slices count as their GPU.
 */
export function resolveRequestedGpus(
  request: GpuRequest,
  gpus: GpuDevice[],
): { gpuIds: string[]; unknownIds: string[] } {
  const ordered = [...gpus].sort((a, b) => a.index - b.index);
  if (request.deviceIds.length === 0) {
    if (request.count === 'all') return { gpuIds: ordered.map((gpu) => gpu.id), unknownIds: [] };
    return { gpuIds: ordered.slice(0, request.count ?? 0).map((gpu) => gpu.id), unknownIds: [] };
  }
  const gpuIds = new Set<string>();
  const unknownIds: string[] = [];
  for (const raw of request.deviceIds) {
    const id = raw.trim();
    const gpu = gpus.find(
      (candidate) =>
        candidate.uuid === id ||
        String(candidate.index) === id ||
        String(candidate.index) === id.split(':')[0] ||
        candidate.migDevices.some((mig) => mig.uuid === id),
    );
    if (gpu) gpuIds.add(gpu.id);
    else unknownIds.push(id);
  }
  return { gpuIds: [...gpuIds], unknownIds };
}

function describe(ref: ComposeServiceRef): string {
  return `${ref.project}/${ref.service}`;
}

/** Sharing, over-subscription and unknown devices among the GPU requests of running stacks. */
export function findGpuConflicts(requests: GpuRequest[], gpus: GpuDevice[]): GpuConflict[] {
  const running = requests.filter((request) => request.running);
  const conflicts: GpuConflict[] = [];
  const claims = new Map<string, GpuRequest[]>();
  // Demand: every count (`all` = every GPU) adds up, while pinned GPUs count once however many services share them.
  let countedDemand = 0;
  const pinned = new Set<string>();
  for (const request of running) {
    const { gpuIds, unknownIds } = resolveRequestedGpus(request, gpus);
    if (request.deviceIds.length) gpuIds.forEach((gpuId) => pinned.add(gpuId));
    else countedDemand += request.count === 'all' ? gpus.length : (request.count ?? 0);
    for (const deviceId of unknownIds) {
      conflicts.push({
        kind: 'unknown-device',
        deviceId,
        services: [{ project: request.project, service: request.service }],
        message: `${describe(request)} asks for GPU "${deviceId}", which this machine does not have.`,
      });
    }
    for (const gpuId of gpuIds) claims.set(gpuId, [...(claims.get(gpuId) ?? []), request]);
  }
  for (const [gpuId, claimants] of claims) {
    const projects = new Set(claimants.map((claimant) => claimant.project));
    if (projects.size < 2) continue;
    const gpu = gpus.find((candidate) => candidate.id === gpuId);
    const services = uniqueRefs(claimants);
    conflicts.push({
      kind: 'shared-pin',
      gpuId,
      services,
      message: `GPU ${gpu ? `${gpu.index} (${gpu.name})` : gpuId} is given to ${projects.size} running stacks: ${services.map(describe).join(', ')}.`,
    });
  }
  const requested = countedDemand + pinned.size;
  if (requested > gpus.length) {
    const services = uniqueRefs(running);
    conflicts.push({
      kind: 'over-subscribed',
      requested,
      available: gpus.length,
      services,
      message: `Running services ask for ${requested} GPU${requested === 1 ? '' : 's'}; this machine has ${gpus.length}.`,
    });
  }
  return conflicts;
}

function uniqueRefs(requests: ComposeServiceRef[]): ComposeServiceRef[] {
  const seen = new Map<string, ComposeServiceRef>();
  for (const { project, service } of requests) seen.set(`${project}\u0000${service}`, { project, service });
  return [...seen.values()];
}
