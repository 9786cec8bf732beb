import type Docker from 'dockerode';
import type { GpuDevice } from '@shared/schemas/gpu';
import type { RawEngineInfo } from '../../docker/engine-info';
import { detectNvidia } from '../nvidia/detect-nvidia';
import { engineGpuRuntime, type EngineGpuRuntime } from './engine-gpu-runtime';
import { GpuHelperStartError, type GpuHelper } from './gpu-helper';

export type EngineGpuState = 'gpus' | 'no-gpus' | 'no-runtime' | 'no-driver' | 'failed';

export interface EngineGpuDetection {
  state: EngineGpuState;
  /** Whose GPUs: "gpu-box has 2 × NVIDIA H100 80GB HBM3 and the NVIDIA runtime." */
  verdict: string;
  gpus: GpuDevice[];
  cudaVersion: string | null;
  runtime: EngineGpuRuntime;
  /** The engine's own words when it refused the helper, or nvidia-smi's. */
  detail: string | null;
}

/**
 * GPUs of the engine's host, seen through the engine: `/info` for runtimes and CDI, then the running `helper`'s
 * nvidia-smi (started here if needed) through the same parsers as local detection. A helper the engine refuses is
 * itself the answer: no NVIDIA runtime (Docker can't select a device driver for a GPU request) or no driver.
 */
export async function detectEngineGpus(
  docker: Docker,
  helper: GpuHelper,
  options: { hostLabel: string },
): Promise<EngineGpuDetection> {
  const runtime = engineGpuRuntime((await docker.info()) as RawEngineInfo);
  const host = options.hostLabel;
  const result = (
    state: EngineGpuState,
    verdict: string,
    detail: string | null,
    gpus: GpuDevice[] = [],
    cuda: string | null = null,
  ) => ({
    state,
    verdict,
    gpus,
    cudaVersion: cuda,
    runtime,
    detail,
  });
  try {
    await helper.start();
  } catch (error) {
    if (error instanceof GpuHelperStartError && error.refusal === 'no-runtime') {
      return result(
        'no-runtime',
        `The engine on ${host} answers but has no NVIDIA runtime (NVIDIA Container Toolkit), so containers get no GPU.`,
        error.message,
      );
    }
    if (error instanceof GpuHelperStartError && error.refusal === 'no-driver') {
      return result('no-driver', `${host} has the NVIDIA runtime but no working NVIDIA driver.`, error.message);
    }
    return result(
      'failed',
      `Could not look for GPUs on ${host}: ${(error as Error).message}`,
      (error as Error).message,
    );
  }
  const detection = await detectNvidia(helper.runner, 'nvidia-smi');
  if (detection.gpus.length === 0) {
    return detection.report.status === 'none'
      ? result('no-gpus', `${host} has the NVIDIA runtime and driver but no GPU.`, detection.report.detail)
      : result(
          'no-driver',
          `${host} has the NVIDIA runtime, but nvidia-smi fails there: ${detection.report.detail}`,
          detection.report.detail,
        );
  }
  return result(
    'gpus',
    `${host} has ${describeGpus(detection.gpus)} and the NVIDIA runtime.`,
    null,
    detection.gpus,
    detection.cudaVersion,
  );
}

/** `2 × NVIDIA H100 80GB HBM3`, or a list when the models differ. */
function describeGpus(gpus: GpuDevice[]): string {
  const counts = new Map<string, number>();
  for (const gpu of gpus) counts.set(gpu.name, (counts.get(gpu.name) ?? 0) + 1);
  return [...counts.entries()].map(([name, count]) => `${count} × ${name}`).join(', ');
}
