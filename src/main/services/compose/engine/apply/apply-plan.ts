/** `apply(plan)`: runs a plan's steps against the engine, in parallel where the graph allows, reporting progress. */
import type Docker from 'dockerode';
import { withComposeFailure } from '../../errors/compose-errors';
import { type ComposeProject, serviceOf } from '../../model/project';
import { buildImage } from '../image/build-image';
import { pullImage } from '../image/pull-image';
import type { ObservedState } from '../observe/observed-state';
import type { Plan, Step } from '../plan/steps';
import type { ApplyContext, ApplyOptions } from './apply-context';
import { createContainer, removeContainer, restartContainer, startContainer, stopContainer } from './container-steps';
import { createNetwork, createVolume, removeNetwork, removeVolume } from './resource-steps';
import { EngineSlots } from './engine-slots';
import { runSteps } from './run-steps';

export function applyContext(
  docker: Docker,
  project: ComposeProject,
  observed: ObservedState,
  plan: Plan,
  options: ApplyOptions,
): ApplyContext {
  const containerIds = new Map(observed.containers.map((container) => [container.name, container.id]));
  const containersByService = new Map<string, string[]>();
  const add = (service: string, name: string) => {
    const names = containersByService.get(service) ?? [];
    if (!names.includes(name)) names.push(name);
    containersByService.set(service, names);
  };
  for (const container of observed.containers) add(container.service, container.name);
  for (const step of plan.steps) if (step.kind === 'create-container') add(step.container.service, step.container.name);
  for (const step of plan.steps) {
    // A scaled-down or removed container no longer answers for its service.
    if (step.kind === 'remove-container')
      containersByService.set(
        step.container.service,
        (containersByService.get(step.container.service) ?? []).filter((n) => n !== step.container.name),
      );
  }
  const imageIds = new Map<string, string>();
  for (const [ref, id] of observed.images) if (id) imageIds.set(ref, id);
  return {
    docker,
    project,
    signal: options.signal,
    emit: options.onProgress ?? (() => {}),
    stopTimeout: options.stopTimeout,
    registryAuth: options.registryAuth,
    containerIds,
    networkIds: new Map([...observed.networks].map(([name, network]) => [name, network.id])),
    containersByService: new Map([...containersByService].map(([service, names]) => [service, names.sort(byNumber)])),
    imageIds,
    engineSlots: new EngineSlots(options.engineConcurrency ?? ENGINE_CONCURRENCY),
    priorityOf: criticalPathFirst(plan),
  };
}

/**
 * How many container creates, starts and removals one apply keeps in flight. The engine does that work (copying
 * layers, setting up namespaces and networks) on the same few cores, so dozens at once only slow each other down,
 * and the starts that `up` waits for with them. 6 did best of 2/3/4/6/unlimited on the 12-service bench stack
 * (bench/compose-up-down.bench.ts) on a 2-core machine.
 */
const ENGINE_CONCURRENCY = 6;

/**
 * Starts first (the chain of starts through the dependency levels is what `up` waits for), then the steps with
 * the most steps waiting behind them.
 */
function criticalPathFirst(plan: Plan): (step: Step) => number {
  const followers = new Map<string, Set<string>>();
  const followersOf = (id: string): Set<string> => {
    const known = followers.get(id);
    if (known) return known;
    const found = new Set<string>();
    followers.set(id, found);
    for (const step of plan.steps) {
      if (!step.after.includes(id)) continue;
      found.add(step.id);
      followersOf(step.id).forEach((follower) => found.add(follower));
    }
    return found;
  };
  return (step) => (step.kind === 'start-container' ? -1_000_000 : 0) - followersOf(step.id).size;
}

function byNumber(a: string, b: string): number {
  return Number(a.match(/(\d+)$/)?.[1] ?? 0) - Number(b.match(/(\d+)$/)?.[1] ?? 0);
}

export async function applyPlan(context: ApplyContext, plan: Plan): Promise<void> {
  for (const warning of plan.warnings) context.emit({ kind: 'warning', message: warning });
  for (const ref of plan.upToDate) context.emit({ kind: 'up-to-date', service: ref.service, container: ref.name });
  await runSteps(plan.steps, (step) => runStep(context, step), context.signal);
}
async function runStep(context: ApplyContext, step: Step): Promise<void> {
  switch (step.kind) {
    case 'create-network':
      return createNetwork(context, step);
    case 'create-volume':
      return createVolume(context, step);
    case 'pull-image': {
      const id = await reportedAgainst(context, step.service, 'pull', () =>
        pullImage(context.docker, step.image, {
          service: step.service,
          registryAuth: context.registryAuth,
          emit: context.emit,
          signal: context.signal,
        }),
      );
      context.imageIds.set(step.image, id);
      return;
    }
    case 'build-image': {
      const build = serviceOf(context.project, step.service).build ?? {};
      const id = await reportedAgainst(context, step.service, 'build', () =>
        buildImage(context.docker, step.image, build, {
          service: step.service,
          project: context.project,
          emit: context.emit,
          signal: context.signal,
          registryAuth: context.registryAuth,
        }),
      );
      context.imageIds.set(step.image, id);
      return;
    }
    case 'create-container':
      return createContainer(context, step);
    case 'start-container':
      return startContainer(context, step);
    case 'stop-container':
      return stopContainer(context, step);
    case 'restart-container':
      return restartContainer(context, step);
    case 'remove-container':
      return removeContainer(context, step);
    case 'remove-network':
      return removeNetwork(context, step);
    case 'remove-volume':
      return removeVolume(context, step);
  }
}

/** An image that can't be pulled or built fails its service: say so on that service, not only as the run's error. */
async function reportedAgainst<T>(
  context: ApplyContext,
  service: string,
  failure: 'pull' | 'build',
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (context.signal?.aborted) throw error;
    context.emit({ kind: 'error', service, message: (error as Error).message });
    throw withComposeFailure(error, failure);
  }
}
