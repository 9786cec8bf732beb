import type { GpuDevice, GpuProbeReport } from '../../../shared/schemas/gpu';

/**
 * Apple and Intel GPUs come from systeminformation's `graphics()`, which blocks the thread it runs on for up to
 * seconds (it shells out to system_profiler / lspci / PowerShell). The app must call it once, from a worker thread,
 * and hand the result in through this interface. systeminformation is not a dependency yet: see the report.
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
        detail: null,
      },
    };
  } catch (error) {
    return {
      gpus: [],
      report: { probe: 'system', status: 'failed', source: 'systeminformation', detail: (error as Error).message },
    };
  }
}
