import type { GpuProbeReport, HostGpuInventory } from '@shared/schemas/gpu';
import { detectAmd } from './amd/detect-amd';
import { locateTool, NVIDIA_SMI_FALLBACKS } from './locate-tool';
import { detectNvidia } from './nvidia/detect-nvidia';
import { detectOtherGpus, type OtherGpuProbe } from './other-gpus';
import type { ToolRunner } from './tool-runner';

const SYSTEM_PROBE_NOT_NEEDED: GpuProbeReport = {
  probe: 'system',
  status: 'skipped',
  source: null,
  detail: 'not needed: the NVIDIA/AMD probes found the GPUs',
};

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

/**
 * Every GPU on this machine; a probe that fails says why in `probes` instead of throwing. NVIDIA and AMD are asked
 * side by side; the system-wide probe (Apple, Intel) is slow and heavy, so it runs only when neither found a GPU.
 */
export async function detectHostGpus(options: HostDetectionOptions): Promise<HostGpuInventory> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const nvidiaSmi = options.nvidiaSmiPath !== undefined ? options.nvidiaSmiPath : locateNvidiaSmi(env, platform);
  const rocmSmi = options.rocmSmiPath !== undefined ? options.rocmSmiPath : locateTool('rocm-smi', { env, platform });
  const [nvidia, amd] = await Promise.all([
    Promise.resolve(nvidiaSmi).then((path) => detectNvidia(options.runner, path)),
    platform === 'linux'
      ? Promise.resolve(rocmSmi).then((path) => detectAmd(options.runner, path, options.sysRoot))
      : { gpus: [], reports: [] },
  ]);
  const others =
    nvidia.gpus.length + amd.gpus.length > 0
      ? { gpus: [], report: SYSTEM_PROBE_NOT_NEEDED }
      : await detectOtherGpus(options.otherProbe);
  return {
    gpus: [...nvidia.gpus, ...amd.gpus, ...others.gpus],
    cudaVersion: nvidia.cudaVersion,
    probes: [nvidia.report, ...amd.reports, others.report],
    detectedAt: (options.now ?? Date.now)(),
  };
}
