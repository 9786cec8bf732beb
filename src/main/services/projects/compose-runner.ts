/**
 * How Berth runs a Compose project, the same for the app and the CLI: the project loaded with Berth's own overrides
 * (GPU pins), the Compose engine on the current Docker client with registry credentials, the GPU verdict of that
 * engine for the preflight, and the project locks shared by everyone who runs operations on that engine.
 */
import type Docker from 'dockerode';
import type { BerthOverrides } from '../compose/berth-overrides/load-with-overrides';
import { loadProjectWithOverrides } from '../compose/berth-overrides/load-with-overrides';
import { ComposeEngine } from '../compose/engine/compose-engine';
import type { GpuCapabilityCheck } from '../compose/engine/gpu/gpu-preflight';
import { registryAuthFromDockerConfig, type RegistryAuthLookup } from '../compose/engine/image/registry-auth';
import type { ProjectLocks } from '../compose/engine/operation-lock';
import { gpuServicesOf } from '../compose/engine/gpu/gpu-preflight';
import { projectWithoutGpus, withoutGpuFile } from '../compose/berth-overrides/without-gpu-override';
import { dependencyOrder, withDependencies } from '../compose/engine/plan/dependency-graph';
import type { ComposeProject, LoadOptions } from '../compose/load';
import { dockerodeGpuAccess } from '../gpus/docker-access';
import type { GpuService } from '../gpus/gpu-service';

export interface ComposeRunnerOptions {
  /** The engine's client; throws E_ENGINE_UNREACHABLE with the reason and the fix when there is none. */
  docker(): Docker;
  /** Whether the engine runs on this machine (decides where GPUs are looked for). */
  engineIsLocal(): boolean;
  env: Record<string, string | undefined>;
  homeDir: string;
  overrides: BerthOverrides;
  locks: ProjectLocks;
  gpus: GpuService;
}

export class ComposeRunner {
  private readonly registryAuth: RegistryAuthLookup;

  constructor(private readonly options: ComposeRunnerOptions) {
    this.registryAuth = registryAuthFromDockerConfig(options.env, options.homeDir);
  }

  get overrides(): BerthOverrides {
    return this.options.overrides;
  }

  /** The project as Berth runs it: the user's files plus Berth's own override documents. */
  load(options: LoadOptions): Promise<ComposeProject> {
    return loadProjectWithOverrides(options, this.options.overrides);
  }

  /**
   * "Start without GPU": the services among `services` (and what they depend on; all when empty) that request GPUs
   * run without them, through Berth's own override file (written beside Berth's state, never into the project), so
   * `docker compose -f … -f <override>` runs the same thing.
   */
  withoutGpus(
    project: ComposeProject,
    services: string[],
  ): { project: ComposeProject; gpuServices: string[]; overridePath: string | null } {
    const selected = dependencyOrder(
      project.model,
      services.length ? withDependencies(project.model, services) : undefined,
    );
    const gpuServices = gpuServicesOf(project, selected);
    if (gpuServices.length === 0) return { project, gpuServices, overridePath: null };
    // Loading only reads: the override is written by the engine before it creates containers naming it.
    const override = withoutGpuFile(this.options.overrides.stateDir, project, gpuServices);
    return { project: projectWithoutGpus(project, gpuServices, override), gpuServices, overridePath: override.path };
  }

  /** A Compose engine for one operation, on the engine connected now. */
  engine(): ComposeEngine {
    const docker = this.options.docker();
    return new ComposeEngine(docker, {
      registryAuth: this.registryAuth,
      gpuCapability: this.gpuCapability(docker),
      locks: this.options.locks,
    });
  }

  private gpuCapability(docker: Docker): GpuCapabilityCheck {
    return () => this.options.gpus.capability(dockerodeGpuAccess(docker), this.options.engineIsLocal());
  }
}
