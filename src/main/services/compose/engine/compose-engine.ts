/**
 * The Compose engine: load → observe → plan → apply, one operation per project at a time. Callers (CLI, IPC) hand
 * in a loaded project and get progress events; only the Engine API is used, never the Compose CLI.
 */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';
import { persistBerthFiles } from '../berth-overrides/berth-files';
import { type ComposeProject, serviceOf } from '../model/project';
import { applyContext, applyPlan } from './apply/apply-plan';
import type { ApplyOptions } from './apply/apply-context';
import { waitUntilReady } from './apply/wait-ready';
import { gpuPreflight, type GpuCapabilityCheck } from './gpu/gpu-preflight';
import type { RegistryAuthLookup } from './image/registry-auth';
import { imageOf } from './naming';
import { listProjects, listServiceContainers, type ProjectRow, type ServiceContainerRow } from './observe/listings';
import { observeProject, type ObservedState } from './observe/observed-state';
import { dependencyOrder, withDependencies } from './plan/dependency-graph';
import {
  planDown,
  planRemove,
  planRestart,
  planStart,
  planStop,
  type DownPlanOptions,
  type RemovePlanOptions,
} from './plan/plan-lifecycle';
import { planUp, type UpPlanOptions } from './plan/plan-up';
import { stepId, type Plan, type Step } from './plan/steps';
import { ProjectLocks } from './operation-lock';

export interface ComposeEngineOptions {
  /** The GPU service's verdict for this engine; without it the GPU preflight is skipped. */
  gpuCapability?: GpuCapabilityCheck;
  registryAuth?: RegistryAuthLookup;
  /** Container operations in flight at once; the default suits a local engine. */
  engineConcurrency?: number;
  /**
   * Shared by everyone who runs operations on the same engine (the composition root owns one), so two callers can't
   * run on one project at once; without it this engine only serializes its own operations.
   */
  locks?: ProjectLocks;
}

export interface OperationOptions {
  signal?: AbortSignal;
  onProgress?: (event: ComposeProgressEvent) => void;
}

export interface UpOptions extends OperationOptions, UpPlanOptions {
  /** `--wait`: return once every container is running/healthy (or exited 0). */
  wait?: boolean;
  waitTimeoutMs?: number;
}

export interface StopOptions extends OperationOptions {
  services?: string[];
  /** Seconds before SIGKILL; default: each service's stop_grace_period. */
  timeout?: number;
}

export class ComposeEngine {
  private readonly locks: ProjectLocks;

  constructor(
    private readonly docker: Docker,
    private readonly options: ComposeEngineOptions = {},
  ) {
    this.locks = options.locks ?? new ProjectLocks();
  }

  observe(project: ComposeProject): Promise<ObservedState> {
    const images = Object.entries(project.model.services).map(([name]) =>
      imageOf(project.name, name, serviceOf(project, name)),
    );
    return observeProject(this.docker, project.name, images);
  }

  async up(project: ComposeProject, options: UpOptions = {}): Promise<Plan> {
    return this.locks.run(project.name, 'up', async () => {
      const selected = options.services?.length
        ? withDependencies(project.model, options.services)
        : Object.keys(project.model.services);
      const preflight = await gpuPreflight(project, selected, this.options.gpuCapability);
      if (preflight.warning) options.onProgress?.({ kind: 'warning', message: preflight.warning });
      // Containers will name Berth's override files in their labels: they must exist as loaded.
      await persistBerthFiles(project);
      let observed = await this.observe(project);
      let plan = planUp(project, observed, options);
      const imageSteps = plan.steps.filter((step) => step.kind === 'pull-image' || step.kind === 'build-image');
      if (imageSteps.length > 0) {
        // Images first, as Compose does: whether a container is up to date depends on the image it would get now.
        const images: Plan = { project: project.name, steps: imageSteps, upToDate: [], warnings: [] };
        await applyPlan(applyContext(this.docker, project, observed, images, this.applyOptions(options)), images);
        observed = await this.observe(project);
        plan = planUp(project, observed, { ...options, pull: 'missing' });
      }
      const context = applyContext(this.docker, project, observed, plan, this.applyOptions(options));
      await applyPlan(context, plan);
      if (options.wait) {
        const started = plan.steps.flatMap((step) => (step.kind === 'start-container' ? [step.container] : []));
        await waitUntilReady(context, [...started, ...plan.upToDate], options.waitTimeoutMs);
      }
      return plan;
    });
  }

  async down(
    project: ComposeProject,
    options: OperationOptions & DownPlanOptions & { timeout?: number } = {},
  ): Promise<Plan> {
    return this.run(project, 'down', options, (observed) => planDown(project, observed, options), options.timeout);
  }

  async start(project: ComposeProject, options: OperationOptions & { services?: string[] } = {}): Promise<Plan> {
    return this.run(project, 'start', options, (observed) => planStart(project, observed, options.services));
  }

  async stop(project: ComposeProject, options: StopOptions = {}): Promise<Plan> {
    return this.run(
      project,
      'stop',
      options,
      (observed) => planStop(project, observed, options.services),
      options.timeout,
    );
  }

  async restart(project: ComposeProject, options: StopOptions = {}): Promise<Plan> {
    return this.run(
      project,
      'restart',
      options,
      (observed) => planRestart(project, observed, options.services),
      options.timeout,
    );
  }

  async rm(
    project: ComposeProject,
    options: OperationOptions & RemovePlanOptions & { services?: string[] } = {},
  ): Promise<Plan> {
    return this.run(project, 'rm', options, (observed) => planRemove(project, observed, options.services, options));
  }

  /** Pulls the images of services that have no `build:` (or all named ones), whether present or not, as `compose pull`. */
  async pull(project: ComposeProject, options: OperationOptions & { services?: string[] } = {}): Promise<Plan> {
    return this.run(project, 'pull', options, () => imagePlan(project, options.services, 'pull-image'));
  }

  async build(project: ComposeProject, options: OperationOptions & { services?: string[] } = {}): Promise<Plan> {
    return this.run(project, 'build', options, () => imagePlan(project, options.services, 'build-image'));
  }

  ps(projectName: string): Promise<ServiceContainerRow[]> {
    return listServiceContainers(this.docker, projectName);
  }

  ls(): Promise<ProjectRow[]> {
    return listProjects(this.docker);
  }

  private async run(
    project: ComposeProject,
    operation: string,
    options: OperationOptions,
    makePlan: (observed: ObservedState) => Plan,
    stopTimeout?: number,
  ): Promise<Plan> {
    return this.locks.run(project.name, operation, async () => {
      const observed = await this.observe(project);
      const plan = makePlan(observed);
      await applyPlan(
        applyContext(this.docker, project, observed, plan, { ...this.applyOptions(options), stopTimeout }),
        plan,
      );
      return plan;
    });
  }

  private applyOptions(options: OperationOptions): ApplyOptions {
    return {
      signal: options.signal,
      onProgress: options.onProgress,
      registryAuth: this.options.registryAuth,
      engineConcurrency: this.options.engineConcurrency,
    };
  }
}

function imagePlan(project: ComposeProject, services: string[] | undefined, kind: 'pull-image' | 'build-image'): Plan {
  for (const service of services ?? []) {
    if (!project.model.services[service]) throw new BerthError('E_NOT_FOUND', `no such service: ${service}`);
  }
  const steps: Step[] = [];
  const seen = new Set<string>();
  for (const service of dependencyOrder(project.model, services?.length ? services : undefined)) {
    const config = serviceOf(project, service);
    const wanted =
      kind === 'build-image'
        ? Boolean(config.build)
        : !config.build || Boolean(config.image && services?.includes(service));
    const image = imageOf(project.name, service, config);
    if (!wanted || seen.has(image)) continue;
    seen.add(image);
    steps.push({ id: stepId(kind, service), after: [], kind, service, image });
  }
  return { project: project.name, steps, upToDate: [], warnings: [] };
}
