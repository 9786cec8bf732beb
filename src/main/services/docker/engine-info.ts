import type { Endpoint, EngineInfo } from '@shared/schemas/engine';

/** The fields of `GET /info` Berth reads; every one may be missing on engines that only mimic Docker's API. */
export interface RawEngineInfo {
  Name?: string;
  ServerVersion?: string;
  OperatingSystem?: string;
  OSType?: string;
  Architecture?: string;
  KernelVersion?: string;
  Runtimes?: Record<string, unknown>;
  DefaultRuntime?: string;
  NCPU?: number;
  MemTotal?: number;
  Containers?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  Images?: number;
  Driver?: string;
  Labels?: string[];
  /** The engine host's clock, RFC 3339 with nanoseconds. */
  SystemTime?: string;
  /** Docker 25+ with CDI enabled: the spec directories and the devices found there. */
  CDISpecDirs?: string[];
  DiscoveredDevices?: Array<{ Source?: string; ID?: string }>;
}

/** The fields of `GET /version` Berth reads. */
export interface RawEngineVersion {
  Version?: string;
  ApiVersion?: string;
  Os?: string;
  Arch?: string;
  KernelVersion?: string;
  Platform?: { Name?: string };
  Components?: Array<{ Name?: string; Version?: string }>;
}

export function toEngineInfo(info: RawEngineInfo, version: RawEngineVersion, endpoint?: Endpoint): EngineInfo {
  return {
    name: info.Name ?? '',
    serverVersion: info.ServerVersion || version.Version || '',
    apiVersion: version.ApiVersion ?? '',
    os: info.OperatingSystem ?? '',
    osType: info.OSType || version.Os || '',
    architecture: info.Architecture || version.Arch || '',
    kernelVersion: info.KernelVersion || version.KernelVersion || '',
    runtimes: Object.keys(info.Runtimes ?? {}).sort(),
    defaultRuntime: info.DefaultRuntime ?? '',
    cpus: info.NCPU ?? 0,
    memoryBytes: info.MemTotal ?? 0,
    containers: {
      total: info.Containers ?? 0,
      running: info.ContainersRunning ?? 0,
      paused: info.ContainersPaused ?? 0,
      stopped: info.ContainersStopped ?? 0,
    },
    images: info.Images ?? 0,
    storageDriver: info.Driver ?? '',
    flavor: detectFlavor(info, version, endpoint),
  };
}

/**
 * Which product runs the engine. Podman names itself in the version's components; Docker Desktop in the
 * operating system; Colima only through its VM's host name (`colima` or `colima-<profile>`), its labels, or the
 * socket Berth found it by.
 */
export function detectFlavor(
  info: RawEngineInfo,
  version: RawEngineVersion,
  endpoint?: Endpoint,
): EngineInfo['flavor'] {
  const componentNames = (version.Components ?? []).map((component) => component.Name?.toLowerCase() ?? '');
  if (componentNames.some((name) => name.includes('podman')) || /podman/i.test(version.Platform?.Name ?? '')) {
    return 'podman';
  }
  if (/docker desktop/i.test(info.OperatingSystem ?? '')) return 'docker-desktop';
  const isColimaHost = /^colima(-|$)/i.test(info.Name ?? '');
  const hasColimaLabel = (info.Labels ?? []).some((label) => /colima/i.test(label));
  if (isColimaHost || hasColimaLabel || endpoint?.source === 'colima') return 'colima';
  if (endpoint?.source === 'podman') return 'podman';
  if (endpoint?.source === 'docker-desktop') return 'docker-desktop';
  if (/orbstack|rancher/i.test(info.OperatingSystem ?? '')) return 'other';
  const isDockerEngine = componentNames.includes('engine') || /docker/i.test(version.Platform?.Name ?? '');
  return isDockerEngine || info.ServerVersion ? 'docker' : 'other';
}
