import type { GpuDevice, GpuProbeReport } from '@shared/schemas/gpu';

/**
 * Apple and Intel GPUs come from systeminformation's `graphics()`, called once per process on a worker thread
 * (see system/system-gpu-probe.ts); tests hand in their own probe.
 */
export interface OtherGpuProbe {
  /** GPUs that are neither NVIDIA nor AMD (those have their own probes); called at most once per detection. */
  listGpus(): Promise<GpuDevice[]>;
}

export async function detectOtherGpus(
  probe: OtherGpuProbe | undefined,
): Promise<{ gpus: GpuDevice[]; report: GpuProbeReport }> {
  if (!probe) {
    return {
      gpus: [],
      report: { probe: 'system', status: 'skipped', source: null, detail: 'Apple/Intel detection is not wired in' },
    };
  }
  try {
    const gpus = (await probe.listGpus()).filter((gpu) => gpu.vendor !== 'nvidia' && gpu.vendor !== 'amd');
    return {
      gpus,
      report: {
        probe: 'system',
        status: gpus.length > 0 ? 'found' : 'none',
        source: 'systeminformation',
        detail: gpus.length > 0 ? null : 'no Apple or Intel GPU among the display adapters',
      },
    };
  } catch (error) {
    return {
      gpus: [],
      report: { probe: 'system', status: 'failed', source: 'systeminformation', detail: (error as Error).message },
    };
  }
}
