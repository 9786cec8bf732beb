import type { GpuDevice } from '@shared/schemas/gpu';
import type { OtherGpuProbe } from '../other-gpus';
import { gpusFromGraphicsControllers, type GraphicsController } from './graphics-controllers';
import { readGraphicsControllers } from './graphics-worker';

/**
 * Apple and Intel GPUs through systeminformation, asked once per process: the hardware does not change while
 * Berth runs, and each call costs a worker thread and a few external programs. A failure is kept too, so a
 * probe that timed out is not retried on every "Check again".
 */
export function createSystemGpuProbe(
  read: () => Promise<GraphicsController[]> = readGraphicsControllers,
): OtherGpuProbe {
  let gpus: Promise<GpuDevice[]> | undefined;
  return {
    listGpus() {
      gpus ??= read().then(gpusFromGraphicsControllers);
      return gpus;
    },
  };
}

export const systemGpuProbe: OtherGpuProbe = createSystemGpuProbe();
