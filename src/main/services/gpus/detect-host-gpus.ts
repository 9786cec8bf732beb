import type { HostGpuInventory } from '@shared/schemas/gpu';
import { detectAmd } from './amd/detect-amd';
import { locateTool, NVIDIA_SMI_FALLBACKS } from './locate-tool';
import { detectNvidia } from './nvidia/detect-nvidia';
import { detectOtherGpus, type OtherGpuProbe } from './other-gpus';
import type { ToolRunner } from './tool-runner';

export interface HostDetectionOptions {
  runner: ToolRunner;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Fixed tool paths (tests, user settings); `null` means "not installed", undefined means "look on PATH". */
  nvidiaSmiPath?: string | null;
  rocmSmiPath?: string | null;
  sysRoot?: string;
  otherProbe?: OtherGpuProbe;
  now?: () => number;
}

/** Resolves where nvidia-smi lives: PATH first, then the WSL2 and Windows driver locations. */
export function locateNvidiaSmi(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Promise<string | null> {
  return locateTool('nvidia-smi', { env, platform, fallbacks: NVIDIA_SMI_FALLBACKS[platform] ?? [] });
}

/** Every GPU on this machine, vendor by vendor; a probe that fails says why in `probes` instead of throwing. */
export async function detectHostGpus(options: HostDetectionOptions): Promise<HostGpuInventory> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const nvidiaSmi = options.nvidiaSmiPath !== undefined ? options.nvidiaSmiPath : await locateNvidiaSmi(env, platform);
  const nvidia = await detectNvidia(options.runner, nvidiaSmi);
  const amd =
    platform === 'linux'
      ? await detectAmd(
          options.runner,
          options.rocmSmiPath !== undefined ? options.rocmSmiPath : await locateTool('rocm-smi', { env, platform }),
          options.sysRoot,
        )
      : { gpus: [], reports: [] };
  const others = await detectOtherGpus(options.otherProbe);
  return {
    gpus: [...nvidia.gpus, ...amd.gpus, ...others.gpus],
    cudaVersion: nvidia.cudaVersion,
    probes: [nvidia.report, ...amd.reports, others.report],
    detectedAt: (options.now ?? Date.now)(),
  };
}
