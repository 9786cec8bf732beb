import type { GpuCapability, GpuMetrics, GpuOverview, GpuProcess, HostGpuInventory } from '@shared/schemas/gpu';
import { amdSysfsMetricsSampler } from './amd/metrics-sampler';
import { nvidiaToolkitInstalled } from './container-toolkit';
import { detectHostGpus, locateNvidiaSmi } from './detect-host-gpus';
import type { GpuDockerAccess } from './docker-access';
import { assessGpuCapability } from './engine-capability';
import { buildGpuOverview } from './gpu-overview';
import { combineMetricsSamplers, type MetricsSampler } from './metrics-sampler';
import { GpuMetricsPoller, type PollerIntervals } from './metrics-poller';
import { queryComputeApps } from './nvidia/compute-apps';
import { nvidiaMetricsSampler, spawnWithoutShell, type SpawnTool } from './nvidia/metrics-sampler';
import type { OtherGpuProbe } from './other-gpus';
import { systemGpuProbe } from './system/system-gpu-probe';
import { containerIdForPid } from './pid-to-container';
import { createExecFileRunner, singleFlight, type ToolRunner } from './tool-runner';

export interface GpuServiceOptions {
  runner?: ToolRunner;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Fixed nvidia-smi path (tests, settings); null: treat as absent; undefined: PATH, then WSL2/Windows locations. */
  nvidiaSmiPath?: string | null;
  rocmSmiPath?: string | null;
  sysRoot?: string;
  procRoot?: string;
  /** Apple/Intel GPUs; undefined: systeminformation when `platform` is this host's, null: not looked for. */
  otherProbe?: OtherGpuProbe | null;
  spawnTool?: SpawnTool;
  /** Overrides the NVIDIA Container Toolkit lookup (tests). */
  nvidiaToolkitOnHost?: boolean | null;
}

/** An engine to ask, or none when it is unreachable. */
export interface GpuEngine {
  docker: GpuDockerAccess | null;
  engineIsLocal: boolean;
}

/**
 * The GPU layer's entry point for the app and the CLI: detects host GPUs once (again on `refresh`), hands out
 * live-metrics pollers, and builds the overview and the capability verdict. Every tool call goes through one
 * single-flight runner, so no two calls of the same program overlap.
 */
export class GpuService {
  private readonly runner: ToolRunner;
  private readonly env: NodeJS.ProcessEnv;
  private readonly platform: NodeJS.Platform;
  private inventoryPromise: Promise<HostGpuInventory> | undefined;
  private nvidiaSmiPromise: Promise<string | null> | undefined;

  constructor(private readonly options: GpuServiceOptions = {}) {
    this.env = options.env ?? process.env;
    this.runner = options.runner ?? singleFlight(createExecFileRunner(this.env));
    this.platform = options.platform ?? process.platform;
  }

  inventory(options: { refresh?: boolean } = {}): Promise<HostGpuInventory> {
    if (!this.inventoryPromise || options.refresh) {
      const otherProbe = this.otherProbe();
      const detection = this.nvidiaSmi().then((nvidiaSmiPath) =>
        detectHostGpus({
          runner: this.runner,
          env: this.env,
          platform: this.platform,
          nvidiaSmiPath,
          ...(this.options.rocmSmiPath !== undefined ? { rocmSmiPath: this.options.rocmSmiPath } : {}),
          ...(this.options.sysRoot ? { sysRoot: this.options.sysRoot } : {}),
          ...(otherProbe ? { otherProbe } : {}),
        }),
      );
      this.inventoryPromise = detection;
      detection.catch(() => {
        if (this.inventoryPromise === detection) this.inventoryPromise = undefined;
      });
    }
    return this.inventoryPromise;
  }

  /** Where live metrics come from for the GPUs found; null when there is none to poll. */
  async metricsSampler(): Promise<MetricsSampler | null> {
    const inventory = await this.inventory();
    const sources: MetricsSampler[] = [];
    const nvidiaSmi = await this.nvidiaSmi();
    if (nvidiaSmi && inventory.gpus.some((gpu) => gpu.vendor === 'nvidia')) {
      sources.push(nvidiaMetricsSampler(this.runner, nvidiaSmi, this.options.spawnTool ?? spawnWithoutShell(this.env)));
    }
    if (inventory.gpus.some((gpu) => gpu.vendor === 'amd')) sources.push(amdSysfsMetricsSampler(this.options.sysRoot));
    return sources.length ? combineMetricsSamplers(sources) : null;
  }

  async sampleMetrics(): Promise<GpuMetrics[]> {
    const source = await this.metricsSampler();
    return source ? source.sample() : [];
  }

  /** A poller for the GPU page; it starts hidden, so nothing runs until the UI calls `setVisibility('visible')`. */
  async createPoller(handlers: {
    onSample(metrics: GpuMetrics[]): void;
    onError?(error: unknown): void;
    intervals?: PollerIntervals;
  }): Promise<GpuMetricsPoller | null> {
    const source = await this.metricsSampler();
    return source ? new GpuMetricsPoller({ source, ...handlers }) : null;
  }

  /** Processes on NVIDIA GPUs (host PIDs); empty without nvidia-smi. */
  async gpuProcesses(): Promise<GpuProcess[]> {
    const nvidiaSmi = await this.nvidiaSmi();
    const inventory = await this.inventory();
    if (!nvidiaSmi || !inventory.gpus.some((gpu) => gpu.vendor === 'nvidia')) return [];
    return queryComputeApps(this.runner, nvidiaSmi);
  }

  async overview(engine: GpuEngine): Promise<GpuOverview> {
    const inventory = await this.inventory();
    return buildGpuOverview({
      inventory,
      docker: engine.docker,
      engineIsLocal: engine.engineIsLocal,
      hostPlatform: this.platform,
      nvidiaToolkitOnHost: await this.toolkitOnHost(engine.engineIsLocal),
      processes: await this.gpuProcesses().catch(() => []),
      containerIdForPid: (pid) => containerIdForPid(pid, this.options.procRoot),
    });
  }

  /** The verdict alone, for the Compose preflight. */
  async capability(docker: GpuDockerAccess, engineIsLocal: boolean): Promise<GpuCapability> {
    return assessGpuCapability(await docker.info(), {
      engineIsLocal,
      hostPlatform: this.platform,
      inventory: await this.inventory(),
      nvidiaToolkitOnHost: await this.toolkitOnHost(engineIsLocal),
    });
  }

  private otherProbe(): OtherGpuProbe | null {
    if (this.options.otherProbe !== undefined) return this.options.otherProbe;
    // systeminformation looks at this machine, so a simulated platform (tests) gets no answer from it.
    return this.platform === process.platform ? systemGpuProbe : null;
  }

  private nvidiaSmi(): Promise<string | null> {
    if (this.options.nvidiaSmiPath !== undefined) return Promise.resolve(this.options.nvidiaSmiPath);
    this.nvidiaSmiPromise ??= locateNvidiaSmi(this.env, this.platform);
    return this.nvidiaSmiPromise;
  }

  private async toolkitOnHost(engineIsLocal: boolean): Promise<boolean | null> {
    if (this.options.nvidiaToolkitOnHost !== undefined) return this.options.nvidiaToolkitOnHost;
    if (!engineIsLocal || this.platform !== 'linux') return null;
    return nvidiaToolkitInstalled(this.env, this.platform);
  }
}
