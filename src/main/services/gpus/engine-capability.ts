import type { GpuCapability, HostGpuInventory } from '@shared/schemas/gpu';

/** The fields of the engine's `GET /info` this verdict reads; anything else in the object is ignored. */
export interface EngineInfoForGpus {
  Runtimes?: Record<string, unknown> | null;
  DefaultRuntime?: string | null;
  /** API 1.44+; empty when CDI is disabled. */
  CDISpecDirs?: string[] | null;
  /** API 1.50+: devices the engine can inject, e.g. `{ Source: 'cdi', ID: 'nvidia.com/gpu=0' }`. */
  DiscoveredDevices?: Array<{ Source?: string; ID?: string }> | null;
  OperatingSystem?: string | null;
  KernelVersion?: string | null;
}

export interface CapabilityContext {
  /** False for tcp/ssh endpoints: this machine's GPUs are not the engine's. */
  engineIsLocal: boolean;
  /** The machine Berth runs on (`process.platform`). */
  hostPlatform: NodeJS.Platform;
  /** This machine's GPUs; null when detection has not finished. */
  inventory: HostGpuInventory | null;
  /**
   * Whether the NVIDIA Container Toolkit (`nvidia-container-runtime-hook`, which `--gpus` uses even without a
   * registered runtime) is installed on this machine; null when not checked.
   */
  nvidiaToolkitOnHost: boolean | null;
}

const INSTALL_TOOLKIT =
  'Install the NVIDIA Container Toolkit, run "sudo nvidia-ctk runtime configure --runtime=docker", then restart Docker.';
const TEST_COMMAND = 'docker run --rm --gpus all ubuntu nvidia-smi';

type Facts = Omit<GpuCapability, 'verdict' | 'because' | 'fix'>;
type Verdict = Pick<GpuCapability, 'verdict' | 'because' | 'fix'>;

/**
 * "Can containers on this engine use GPUs: yes / no / unknown, because …, to fix: …" from the engine's info and
 * what Berth found on this machine. Pure, so the GPU page, `berth gpus` and the Compose preflight agree.
 */
export function assessGpuCapability(info: EngineInfoForGpus, context: CapabilityContext): GpuCapability {
  const facts = engineFacts(info, context.engineIsLocal);
  return { ...decide(facts, context), ...facts };
}

export function engineFacts(info: EngineInfoForGpus, engineIsLocal: boolean): Facts {
  const kernel = info.KernelVersion ?? '';
  return {
    engineIsLocal,
    runtimes: Object.keys(info.Runtimes ?? {}).sort(),
    defaultRuntime: info.DefaultRuntime || null,
    cdiSpecDirs: info.CDISpecDirs ?? [],
    cdiDevices: (info.DiscoveredDevices ?? [])
      .filter((device) => !device.Source || device.Source === 'cdi')
      .flatMap((device) => (device.ID ? [device.ID] : [])),
    dockerDesktop: /docker desktop/i.test(info.OperatingSystem ?? ''),
    wsl2: /microsoft-standard-wsl2|-wsl2/i.test(kernel),
  };
}

function decide(facts: Facts, context: CapabilityContext): Verdict {
  const nvidiaRuntime = facts.runtimes.find((name) => /nvidia/i.test(name));
  const nvidiaCdi = facts.cdiDevices.filter((id) => id.startsWith('nvidia.com/gpu'));
  const amdCdi = facts.cdiDevices.filter((id) => id.startsWith('amd.com/gpu'));
  const engineSide = nvidiaCdi.length
    ? `the engine offers CDI devices ${nvidiaCdi.join(', ')}`
    : nvidiaRuntime
      ? `the "${nvidiaRuntime}" runtime is registered with the engine${facts.defaultRuntime === nvidiaRuntime ? ' (and is its default)' : ''}`
      : null;

  if (!facts.engineIsLocal) {
    const remote = 'The engine runs on another machine: the GPUs Berth lists are this computer’s, not the engine’s';
    if (engineSide) return { verdict: 'yes', because: `${remote}; ${engineSide}.`, fix: null };
    return {
      verdict: 'unknown',
      because: `${remote}, and its info shows no NVIDIA runtime or CDI GPU devices.`,
      fix: `On the engine's machine, run "${TEST_COMMAND}"; if it fails there, ${lowerFirst(INSTALL_TOOLKIT)}`,
    };
  }

  if (facts.dockerDesktop && context.hostPlatform === 'darwin') {
    return {
      verdict: 'no',
      because: 'Docker Desktop on macOS runs containers in a Linux VM that cannot reach the Mac’s GPU.',
      fix: 'Run GPU services against a Linux engine with an NVIDIA GPU (for example over SSH).',
    };
  }

  const gpus = context.inventory?.gpus ?? null;
  const nvidiaGpus = gpus?.filter((gpu) => gpu.vendor === 'nvidia').length ?? 0;
  const amdGpus = gpus?.filter((gpu) => gpu.vendor === 'amd').length ?? 0;

  if (engineSide && (gpus === null || nvidiaGpus > 0))
    return { verdict: 'yes', because: capitalize(`${engineSide}.`), fix: null };
  if (gpus === null) {
    return { verdict: 'unknown', because: 'GPU detection on this machine has not finished.', fix: null };
  }
  if (nvidiaGpus === 0 && amdGpus === 0) {
    const nvidiaProbe = context.inventory?.probes.find((probe) => probe.probe === 'nvidia-smi');
    const why = nvidiaProbe?.status === 'failed' ? ` (nvidia-smi failed: ${nvidiaProbe.detail})` : '';
    return {
      verdict: 'no',
      because: `No NVIDIA or AMD GPU was found on this machine${why}${engineSide ? `, although ${engineSide}` : ''}.`,
      fix: 'Install the GPU driver so that nvidia-smi lists the GPU, or use an engine on a machine with a GPU.',
    };
  }
  if (nvidiaGpus > 0) {
    if (facts.dockerDesktop && facts.wsl2) {
      return { verdict: 'yes', because: 'Docker Desktop’s WSL2 backend passes NVIDIA GPUs to containers.', fix: null };
    }
    if (context.nvidiaToolkitOnHost === true) {
      return {
        verdict: 'yes',
        because: 'The NVIDIA Container Toolkit is installed; the engine uses its hook for GPU requests.',
        fix: null,
      };
    }
    if (context.nvidiaToolkitOnHost === false) {
      return {
        verdict: 'no',
        because:
          'This machine has an NVIDIA GPU, but the NVIDIA Container Toolkit is not installed and the engine has no nvidia runtime or CDI devices.',
        fix: INSTALL_TOOLKIT,
      };
    }
    return {
      verdict: 'unknown',
      because: 'This machine has an NVIDIA GPU, but the engine’s info shows no nvidia runtime or CDI GPU devices.',
      fix: `Run "${TEST_COMMAND}"; if it fails, ${lowerFirst(INSTALL_TOOLKIT)}`,
    };
  }
  if (amdCdi.length > 0) {
    return { verdict: 'yes', because: `The engine offers CDI devices ${amdCdi.join(', ')}.`, fix: null };
  }
  return {
    verdict: 'unknown',
    because: 'AMD GPUs reach containers as devices (/dev/kfd, /dev/dri), not through GPU requests.',
    fix: 'Add "devices: [/dev/kfd, /dev/dri]" to the service, or set up AMD’s CDI specs so the engine offers amd.com/gpu devices.',
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
