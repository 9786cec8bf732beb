import type { MigDevice } from '@shared/schemas/gpu';

/** One line group of `nvidia-smi -L`: a GPU and the MIG devices listed under it. */
export interface ListedGpu {
  index: number;
  name: string;
  uuid: string | null;
  migDevices: MigDevice[];
}

const GPU_LINE = /^GPU\s+(\d+):\s*(.*?)\s*(?:\(UUID:\s*([^)]+)\))?\s*$/;
// `MIG 3g.40gb     Device  0: (UUID: MIG-…)`; drivers before 470 wrote `MIG 3g.20gb Device 0: (UUID: MIG-GPU-…/1/0)`.
const MIG_LINE = /^MIG\s+(\S+)\s+Device\s+(\d+):\s*\(UUID:\s*([^)]+)\)/;

export function parseListGpus(text: string): ListedGpu[] {
  const gpus: ListedGpu[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    const gpu = GPU_LINE.exec(line);
    if (gpu) {
      gpus.push({ index: Number(gpu[1]), name: gpu[2]!, uuid: gpu[3]?.trim() ?? null, migDevices: [] });
      continue;
    }
    const mig = MIG_LINE.exec(line);
    const parent = gpus[gpus.length - 1];
    if (mig && parent) {
      parent.migDevices.push({
        index: Number(mig[2]),
        uuid: mig[3]!.trim(),
        profile: mig[1]!,
        gpuInstanceId: null,
        computeInstanceId: null,
        memoryTotalMiB: null,
        memoryUsedMiB: null,
      });
    }
  }
  return gpus;
}
