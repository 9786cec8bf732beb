import type { GpuDevice } from '@shared/schemas/gpu';

/** The GPUs NVIDIA's container runtime can be pinned to by `device_ids`: the ones nvidia-smi lists. */
export function pinnableGpus(gpus: readonly GpuDevice[]): GpuDevice[] {
  return gpus.filter((gpu) => gpu.vendor === 'nvidia');
}

/** `GPU 1 (NVIDIA H100 80GB HBM3)` for a pinned index or UUID this host has; the id itself otherwise. */
export function pinnedGpuLabel(deviceId: string, gpus: readonly GpuDevice[]): string {
  const gpu = gpus.find((candidate) => String(candidate.index) === deviceId || candidate.uuid === deviceId);
  return gpu ? `GPU ${gpu.index} (${gpu.name})` : `GPU ${deviceId}`;
}
