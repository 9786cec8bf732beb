import type { RawEngineInfo } from '../../docker/engine-info';

/** What `GET /info` says about GPUs: runtimes, the default one, and CDI (Docker 25+ reports spec dirs and devices). */
export interface EngineGpuRuntime {
  nvidiaRuntime: boolean;
  defaultRuntime: string;
  runtimes: string[];
  cdiSpecDirs: string[];
  /** CDI device names the engine discovered, e.g. `nvidia.com/gpu=0`. */
  cdiDevices: string[];
}

export function engineGpuRuntime(info: RawEngineInfo): EngineGpuRuntime {
  const runtimes = Object.keys(info.Runtimes ?? {}).sort();
  const cdiDevices = (info.DiscoveredDevices ?? [])
    .filter((device) => device.Source === 'cdi' && device.ID)
    .map((device) => device.ID!);
  return {
    nvidiaRuntime: runtimes.includes('nvidia') || cdiDevices.some((id) => id.startsWith('nvidia.com/')),
    defaultRuntime: info.DefaultRuntime ?? '',
    runtimes,
    cdiSpecDirs: info.CDISpecDirs ?? [],
    cdiDevices,
  };
}
