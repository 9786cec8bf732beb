/**
 * `up`: the diff of desired vs observed. A container is recreated when its config hash (with service references
 * resolved to the containers they point at) or its image changed; so a service sharing a namespace with a
 * recreated one is recreated too, and dependents declared with `restart: true` are stopped before and started
 * after, as Compose does.
 */
import { BerthError } from '@shared/errors';
import { type ComposeProject, serviceOf } from '../../model/project';
import { containerName, imageOf, networkName, replicasOf } from '../naming';
import type { ObservedContainer, ObservedState } from '../observe/observed-state';
import { expectedConfigHash } from '../spec/container-spec';
import { referencedServices } from '../spec/service-references';
import { dependenciesOf, dependencyOrder, withDependencies } from './dependency-graph';
import { networkKeysOf, resourceSteps, volumeKeysOf } from './project-resources';
import { orphanContainers } from './orphans';
import { isRecreateLeftoverName, serviceContainers } from './service-containers';
import { stepId, type ContainerRef, type CreateReason, type Plan, type Step } from './steps';

export type RecreatePolicy = 'diverged' | 'force' | 'never';
export type PullPolicy = 'missing' | 'always' | 'never' | 'build';

export interface UpPlanOptions {
  /** Services named on the command line; they come up with their dependencies. Empty: every service. */
  services?: string[];
  recreate?: RecreatePolicy;
  removeOrphans?: boolean;
  /** `--pull`; a service's own `pull_policy` applies otherwise. */
  pull?: PullPolicy;
}

export function planUp(project: ComposeProject, observed: ObservedState, options: UpPlanOptions = {}): Plan {
  const model = project.model;
  for (const name of options.services ?? []) {
    if (!model.services[name])
      throw new BerthError('E_NOT_FOUND', `no such service: ${name}`, {
        fix: `Services: ${Object.keys(model.services).join(', ')}.`,
      });
  }
  const selected = options.services?.length
    ? withDependencies(model, options.services)
    : new Set(Object.keys(model.services));
  const order = dependencyOrder(model, selected);
  const steps: Step[] = resourceSteps(project, order, observed);
  const upToDate: ContainerRef[] = [];
  const warnings: string[] = [];
  /** Services whose containers this plan creates: what depends on them must follow. */
  const recreated = new Set<string>();
  const { current, leftovers } = serviceContainers(project, observed);
  const containersOf = (service: string) => current.get(service) ?? [];

  for (const service of order) {
    const config = serviceOf(project, service);
    const image = imageOf(project.name, service, config);
    const imageStep = imageStepFor(project, service, image, observed, options.pull);
    if (imageStep) steps.push(imageStep);

    const after = [
      ...networkKeysOf(project, [service]).map((key) => stepId('create-network', key)),
      ...volumeKeysOf(project, [service]).map((key) => stepId('create-volume', key)),
      ...(imageStep ? [imageStep.id] : []),
    ];
    const references = referencedServices(config);
    const firstContainerId = (name: string) => containersOf(name)[0]?.id ?? '';
    for (const reference of references) {
      containersOf(reference).forEach((container) => after.push(stepId('create-container', container.name)));
      if (recreated.has(reference)) after.push(...createStepIdsOf(steps, reference));
    }
    // What an interrupted recreate left goes first: it may hold the ports the service's containers publish.
    const leftoverSteps = leftovers.filter((c) => c.service === service).flatMap((c) => removalSteps(c));
    steps.push(...leftoverSteps);
    const leftoversRemoved = leftoverSteps.filter((step) => step.kind === 'remove-container').map((step) => step.id);
    after.push(...leftoversRemoved);
    const waitFor = dependenciesOf(model, service).filter((dependency) => selected.has(dependency.service));
    const startAfter = [
      ...waitFor.flatMap((dependency) => startStepIdsOf(steps, dependency.service)),
      ...leftoversRemoved,
    ];

    const existing = containersOf(service);
    const replicas = replicasOf(config);
    const expectedHash = expectedConfigHash(project, service, firstContainerId);
    const expectedImage = observed.images.get(image) ?? null;
    const declaredNetworks = project.model.networks ?? {};
    const expectedNetworks = networkKeysOf(project, [service]).map((key) =>
      networkName(project.name, key, declaredNetworks[key]),
    );

    for (let number = 1; number <= replicas; number++) {
      const present = existing.find((container) => container.number === number);
      const name = containerName(project.name, service, number, config);
      const reason = present
        ? recreateReason(
            present,
            name,
            expectedHash,
            expectedImage,
            expectedNetworks,
            options.recreate ?? 'diverged',
            references.some((r) => recreated.has(r)),
          )
        : 'missing';
      const ref: ContainerRef = { service, name, id: present?.id };
      if (reason) {
        const createId = stepId('create-container', name);
        steps.push({
          id: createId,
          after: after.filter((id) => id !== createId),
          kind: 'create-container',
          container: ref,
          number,
          reason,
          ...(present ? { replaces: { service, name: present.name, id: present.id } } : {}),
        });
        steps.push({
          id: stepId('start-container', name),
          after: [createId, ...startAfter],
          kind: 'start-container',
          container: ref,
          waitFor,
        });
        recreated.add(service);
      } else if (present!.state !== 'running') {
        steps.push({
          id: stepId('start-container', name),
          after: startAfter,
          kind: 'start-container',
          container: ref,
          waitFor,
        });
      } else {
        upToDate.push(ref);
      }
    }
    for (const extra of existing.filter((container) => container.number > replicas)) steps.push(...removalSteps(extra));
  }

  restartDependentsOfRecreated(project, containersOf, selected, recreated, steps, upToDate);

  const orphans = orphanContainers(project, observed);
  if (orphans.length && options.removeOrphans) orphans.forEach((orphan) => steps.push(...removalSteps(orphan)));
  else if (orphans.length) {
    warnings.push(
      `Found orphan containers (${orphans.map((o) => o.name).join(', ')}) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`,
    );
  }
  return { project: project.name, steps: withKnownPredecessors(steps), upToDate, warnings };
}

/** Drops `after` entries naming steps this plan does not have (the container was up to date). */
function withKnownPredecessors(steps: Step[]): Step[] {
  const ids = new Set(steps.map((step) => step.id));
  return steps.map((step) => ({
    ...step,
    after: [...new Set(step.after.filter((id) => ids.has(id) && id !== step.id))],
  }));
}

function recreateReason(
  current: ObservedContainer,
  ownName: string,
  expectedHash: string,
  expectedImage: string | null,
  expectedNetworks: string[],
  policy: RecreatePolicy,
  referenceRecreated: boolean,
): CreateReason | null {
  if (policy === 'never') return null;
  if (policy === 'force') return 'forced';
  if (isRecreateLeftoverName(current.name, ownName)) return 'interrupted recreate';
  if (referenceRecreated) return 'dependency recreated';
  if (current.configHash !== expectedHash) return 'config changed';
  if (expectedImage && current.imageId !== expectedImage) return 'image changed';
  // A create cut short between joining its first network and its last.
  if (current.networks && expectedNetworks.some((network) => !current.networks!.includes(network)))
    return 'networks changed';
  return null;
}

function imageStepFor(
  project: ComposeProject,
  service: string,
  image: string,
  observed: ObservedState,
  pull: PullPolicy | undefined,
): Step | null {
  const config = serviceOf(project, service);
  const policy = pull ?? (config.pull_policy as PullPolicy | undefined) ?? 'missing';
  const present = Boolean(observed.images.get(image));
  if (config.build && (policy === 'build' || !present)) {
    return { id: stepId('build-image', service), after: [], kind: 'build-image', service, image };
  }
  if (policy === 'always' || (!present && policy !== 'never')) {
    return { id: stepId('pull-image', service), after: [], kind: 'pull-image', service, image };
  }
  if (!present) {
    throw new BerthError(
      'E_NOT_FOUND',
      `image ${image} of service "${service}" is not on the engine and pull_policy is never`,
      {
        fix: `Pull or build ${image} first, or change pull_policy.`,
      },
    );
  }
  return null;
}

/** Dependents declared with `restart: true` are stopped before a dependency is recreated and started after it. */
function restartDependentsOfRecreated(
  project: ComposeProject,
  containersOf: (service: string) => ObservedContainer[],
  selected: Set<string>,
  recreated: Set<string>,
  steps: Step[],
  upToDate: ContainerRef[],
): void {
  for (const dependent of dependencyOrder(project.model, selected)) {
    if (recreated.has(dependent)) continue;
    const restartOn = dependenciesOf(project.model, dependent).filter((d) => d.restart && recreated.has(d.service));
    if (restartOn.length === 0) continue;
    for (const container of containersOf(dependent).filter((c) => c.state === 'running')) {
      const ref: ContainerRef = { service: dependent, name: container.name, id: container.id };
      const stopId = stepId('stop-container', container.name);
      steps.push({ id: stopId, after: [], kind: 'stop-container', container: ref });
      for (const dependency of restartOn) {
        for (const step of steps)
          if (step.kind === 'create-container' && step.container.service === dependency.service)
            step.after.push(stopId);
      }
      const startAfter = [stopId, ...restartOn.flatMap((dependency) => startStepIdsOf(steps, dependency.service))];
      const waitFor = dependenciesOf(project.model, dependent);
      steps.push({
        id: stepId('start-container', container.name),
        after: startAfter,
        kind: 'start-container',
        container: ref,
        waitFor,
      });
      const index = upToDate.findIndex((entry) => entry.name === container.name);
      if (index !== -1) upToDate.splice(index, 1);
    }
  }
}

function createStepIdsOf(steps: Step[], service: string): string[] {
  return steps
    .filter((step) => step.kind === 'create-container' && step.container.service === service)
    .map((step) => step.id);
}

function startStepIdsOf(steps: Step[], service: string): string[] {
  return steps
    .filter((step) => step.kind === 'start-container' && step.container.service === service)
    .map((step) => step.id);
}

export function removalSteps(container: ObservedContainer, removeVolumes = false): Step[] {
  const ref: ContainerRef = { service: container.service, name: container.name, id: container.id };
  const stopId = stepId('stop-container', container.name);
  const removeId = stepId('remove-container', container.name);
  const stop: Step[] =
    container.state === 'running' || container.state === 'restarting' || container.state === 'paused'
      ? [{ id: stopId, after: [], kind: 'stop-container', container: ref }]
      : [];
  return [
    ...stop,
    { id: removeId, after: stop.map((step) => step.id), kind: 'remove-container', container: ref, removeVolumes },
  ];
}
