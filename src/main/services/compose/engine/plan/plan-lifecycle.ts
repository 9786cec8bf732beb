/** Plans for down, start, stop and restart: the same diff, for containers that exist already. */
import { BerthError } from '@shared/errors';
import type { ComposeProject } from '../../model/project';
import { COMPOSE_LABELS } from '../../labels';
import { networkName, volumeName } from '../naming';
import type { ObservedContainer, ObservedState } from '../observe/observed-state';
import { dependenciesOf, dependencyOrder } from './dependency-graph';
import { isKnownService } from './orphans';
import { removalSteps } from './plan-up';
import { stepId, type ContainerRef, type Plan, type Step } from './steps';

export interface DownPlanOptions {
  /** `-v`: also the project's named volumes and the containers' anonymous volumes. */
  removeVolumes?: boolean;
  removeOrphans?: boolean;
  /**
   * The Compose files are gone (`down -p NAME`): remove everything that carries the project's label instead of
   * what the files declare, as Compose does.
   */
  byLabels?: boolean;
}

const RUNNING_STATES = new Set(['running', 'restarting', 'paused']);

function refOf(container: ObservedContainer): ContainerRef {
  return { service: container.service, name: container.name, id: container.id };
}

/** Order services so dependents come before what they depend on (the order things go down). */
function reverseDependencyOrder(project: ComposeProject, services: Iterable<string>): string[] {
  const known = [...services].filter((service) => project.model.services[service]);
  const unknown = [...services].filter((service) => !project.model.services[service]);
  return [...unknown, ...dependencyOrder(project.model, known).reverse()];
}

/** Stop steps that follow the stop steps of each container's dependents, so dependents stop first. */
function orderedStops(project: ComposeProject, containers: ObservedContainer[]): Step[] {
  const steps: Step[] = [];
  const services = reverseDependencyOrder(project, new Set(containers.map((c) => c.service)));
  for (const service of services) {
    const dependents = services.filter((other) =>
      dependenciesOf(project.model, other).some((d) => d.service === service),
    );
    const after = containers
      .filter((c) => dependents.includes(c.service) && RUNNING_STATES.has(c.state))
      .map((c) => stepId('stop-container', c.name));
    for (const container of containers.filter((c) => c.service === service && RUNNING_STATES.has(c.state))) {
      steps.push({
        id: stepId('stop-container', container.name),
        after,
        kind: 'stop-container',
        container: refOf(container),
      });
    }
  }
  return steps;
}

export function planDown(project: ComposeProject, observed: ObservedState, options: DownPlanOptions = {}): Plan {
  const containers = observed.containers.filter(
    (c) => options.byLabels || options.removeOrphans || isKnownService(project, c.service),
  );
  const steps = orderedStops(project, containers);
  for (const container of containers) {
    const removal = removalSteps(container, options.removeVolumes ?? false).find(
      (step) => step.kind === 'remove-container',
    )!;
    const stop = steps.find((step) => step.id === stepId('stop-container', container.name));
    steps.push({ ...removal, after: stop ? [stop.id] : [] });
  }
  const removals = steps.filter((step) => step.kind === 'remove-container').map((step) => step.id);
  const ours = (labels: Record<string, string> | undefined) => labels?.[COMPOSE_LABELS.project] === project.name;
  // Every network of the project with the name, as Compose does: two racing `up`s can leave two.
  const everyNetwork = [...observed.networks.values(), ...observed.shadowedNetworks];
  const declared = new Set(
    Object.entries(project.model.networks ?? {})
      .filter(([, config]) => !config.external)
      .map(([key, config]) => networkName(project.name, key, config)),
  );
  const networks = everyNetwork.filter(
    (network) => ours(network.labels) && (options.byLabels || declared.has(network.name)),
  );
  for (const network of networks) {
    const target = observed.networks.get(network.name) === network ? network.name : `${network.name}@${network.id}`;
    steps.push({
      id: stepId('remove-network', target),
      after: removals,
      kind: 'remove-network',
      name: network.name,
      networkId: network.id,
    });
  }
  if (options.removeVolumes) {
    const volumeNames = options.byLabels
      ? [...observed.volumes.values()].filter((volume) => ours(volume.labels)).map((volume) => volume.name)
      : Object.entries(project.model.volumes ?? {})
          .filter(([, config]) => !config.external)
          .map(([key, config]) => volumeName(project.name, key, config))
          .filter((name) => ours(observed.volumes.get(name)?.labels));
    for (const name of volumeNames)
      steps.push({ id: stepId('remove-volume', name), after: removals, kind: 'remove-volume', name });
  }
  const orphans = options.byLabels ? [] : observed.containers.filter((c) => !isKnownService(project, c.service));
  const warnings =
    orphans.length && !options.removeOrphans
      ? [
          `Found orphan containers (${orphans.map((o) => o.name).join(', ')}) for this project; use --remove-orphans to remove them.`,
        ]
      : [];
  return { project: project.name, steps, upToDate: [], warnings };
}

function selectedContainers(
  project: ComposeProject,
  observed: ObservedState,
  services: readonly string[],
): ObservedContainer[] {
  for (const service of services) {
    if (!project.model.services[service]) throw new BerthError('E_NOT_FOUND', `no such service: ${service}`);
  }
  const wanted = services.length ? new Set(services) : new Set(Object.keys(project.model.services));
  return observed.containers.filter((container) => wanted.has(container.service));
}

/** Starts stopped containers in dependency order, waiting on each dependency's condition as `up` does. */
export function planStart(project: ComposeProject, observed: ObservedState, services: readonly string[] = []): Plan {
  const containers = selectedContainers(project, observed, services);
  const steps: Step[] = [];
  for (const service of dependencyOrder(project.model, new Set(containers.map((c) => c.service)))) {
    const waitFor = dependenciesOf(project.model, service).filter((d) => project.model.services[d.service]);
    const after = steps
      .filter((step) => waitFor.some((d) => d.service === (step as { container?: ContainerRef }).container?.service))
      .map((s) => s.id);
    for (const container of containers.filter((c) => c.service === service && c.state !== 'running')) {
      steps.push({
        id: stepId('start-container', container.name),
        after,
        kind: 'start-container',
        container: refOf(container),
        waitFor,
      });
    }
  }
  const upToDate = containers.filter((c) => c.state === 'running').map(refOf);
  return { project: project.name, steps, upToDate, warnings: [] };
}

/** Stops running containers, dependents first. */
export function planStop(project: ComposeProject, observed: ObservedState, services: readonly string[] = []): Plan {
  const steps = orderedStops(project, selectedContainers(project, observed, services));
  return { project: project.name, steps, upToDate: [], warnings: [] };
}

/** Restarts containers in dependency order (what they depend on first). */
export function planRestart(project: ComposeProject, observed: ObservedState, services: readonly string[] = []): Plan {
  const containers = selectedContainers(project, observed, services);
  const steps: Step[] = [];
  for (const service of dependencyOrder(project.model, new Set(containers.map((c) => c.service)))) {
    const dependencies = dependenciesOf(project.model, service).map((d) => d.service);
    const after = steps
      .filter((step) => dependencies.includes((step as { container?: ContainerRef }).container?.service ?? ''))
      .map((s) => s.id);
    for (const container of containers.filter((c) => c.service === service)) {
      steps.push({
        id: stepId('restart-container', container.name),
        after,
        kind: 'restart-container',
        container: refOf(container),
      });
    }
  }
  return { project: project.name, steps, upToDate: [], warnings: [] };
}

export interface RemovePlanOptions {
  /** `-s`: stop running containers first; otherwise running ones are left alone. */
  stop?: boolean;
  /** `-v`: also their anonymous volumes. */
  removeVolumes?: boolean;
}

/** `rm`: removes the stopped containers of the services (the running ones too with `stop`). */
export function planRemove(
  project: ComposeProject,
  observed: ObservedState,
  services: readonly string[] = [],
  options: RemovePlanOptions = {},
): Plan {
  const containers = selectedContainers(project, observed, services).filter(
    (c) => options.stop || !RUNNING_STATES.has(c.state),
  );
  const steps = orderedStops(project, containers);
  for (const container of containers) {
    const stop = steps.find((step) => step.id === stepId('stop-container', container.name));
    steps.push({
      id: stepId('remove-container', container.name),
      after: stop ? [stop.id] : [],
      kind: 'remove-container',
      container: refOf(container),
      removeVolumes: options.removeVolumes ?? false,
    });
  }
  return { project: project.name, steps, upToDate: [], warnings: [] };
}
