/** The container steps of a plan, over the Engine API. */
import type Docker from 'dockerode';
import { replacedContainerName, imageOf } from '../naming';
import type { ContainerRef, Step } from '../plan/steps';
import { serviceOf } from '../../model/project';
import { containerSpec } from '../spec/container-spec';
import { seconds } from '../spec/units';
import { firstContainerId, type ApplyContext } from './apply-context';
import { engineError } from './engine-errors';
import { connectLaterNetworks, withPinnedNetworks } from './network-endpoints';
import { waitForDependencies } from './wait-dependencies';

type StepOf<K extends Step['kind']> = Extract<Step, { kind: K }>;

const DEFAULT_STOP_TIMEOUT_S = 10;

/** Runs a step's engine work in one of the apply's slots, at the step's priority. */
function inSlot<T>(context: ApplyContext, step: Step, task: () => Promise<T>): Promise<T> {
  return context.engineSlots.run(context.priorityOf(step), task);
}

export function createContainer(context: ApplyContext, step: StepOf<'create-container'>): Promise<void> {
  return inSlot(context, step, () => createInSlot(context, step));
}

async function createInSlot(context: ApplyContext, step: StepOf<'create-container'>): Promise<void> {
  const { docker, project } = context;
  const { service, name } = step.container;
  context.emit({ kind: 'creating', service, container: name, reason: step.reason });
  let previousAnonymousVolumes = new Map<string, string>();
  if (step.replaces?.id) {
    const old = docker.getContainer(step.replaces.id);
    previousAnonymousVolumes = await anonymousVolumesOf(old);
    await stopQuietly(context, step.replaces);
    // Out of the way of its replacement's name; already so when an earlier recreate was cut short here.
    const temporaryName = replacedContainerName(step.replaces.id, name);
    if (step.replaces.name !== temporaryName) await old.rename({ name: temporaryName });
  }
  const image = imageOf(project.name, service, serviceOf(project, service));
  const imageId = await imageIdOf(context, image);
  const spec = containerSpec({
    project,
    service,
    number: step.number,
    imageId,
    containerIdOf: (other) => firstContainerId(context, other),
    previousAnonymousVolumes,
  });
  const container = await docker
    .createContainer(withPinnedNetworks(spec.create, context.networkIds))
    .catch((error: unknown) => {
      throw engineError(error, `cannot create container ${name}`);
    });
  await connectLaterNetworks(context, container.id, spec.laterEndpoints);
  if (step.replaces?.id) await docker.getContainer(step.replaces.id).remove({ force: true });
  context.containerIds.set(name, container.id);
  context.emit({ kind: 'created', service, container: name });
}

export async function startContainer(context: ApplyContext, step: StepOf<'start-container'>): Promise<void> {
  const { service, name } = step.container;
  await waitForDependencies(context, service, step.waitFor);
  await inSlot(context, step, async () => {
    context.emit({ kind: 'starting', service, container: name });
    await context.docker
      .getContainer(containerId(context, step.container))
      .start()
      .catch((error: unknown) => {
        if ((error as { statusCode?: number }).statusCode === 304) return; // already running
        context.emit({ kind: 'error', service, container: name, message: (error as Error).message });
        throw engineError(error, `cannot start container ${name}`);
      });
  });
  context.emit({ kind: 'running', service, container: name });
}

export async function stopContainer(context: ApplyContext, step: StepOf<'stop-container'>): Promise<void> {
  const { service, name } = step.container;
  context.emit({ kind: 'stopping', service, container: name });
  // No slot: a stop mostly waits for the process to exit (up to its grace period), which costs the engine nothing.
  await stopQuietly(context, step.container);
  context.emit({ kind: 'stopped', service, container: name });
}

export async function restartContainer(context: ApplyContext, step: StepOf<'restart-container'>): Promise<void> {
  const { service, name } = step.container;
  context.emit({ kind: 'starting', service, container: name });
  await context.docker.getContainer(containerId(context, step.container)).restart({ t: stopTimeout(context, service) });
  context.emit({ kind: 'running', service, container: name });
}

export async function removeContainer(context: ApplyContext, step: StepOf<'remove-container'>): Promise<void> {
  const { service, name } = step.container;
  context.emit({ kind: 'removing', service, container: name });
  const container = context.docker.getContainer(containerId(context, step.container));
  // An anonymous volume carried over from a replaced container is mounted by name, so `v` alone would keep it.
  const anonymous = step.removeVolumes
    ? await anonymousVolumesOf(container).catch(() => new Map<string, string>())
    : new Map();
  await inSlot(context, step, () =>
    container.remove({ force: true, v: step.removeVolumes }).catch((error: unknown) => {
      if ((error as { statusCode?: number }).statusCode !== 404)
        throw engineError(error, `cannot remove container ${name}`);
    }),
  );
  for (const volume of anonymous.values())
    await context.docker
      .getVolume(volume)
      .remove()
      .catch(() => {});
  context.emit({ kind: 'removed', service, container: name });
}

function containerId(context: ApplyContext, ref: ContainerRef): string {
  return context.containerIds.get(ref.name) ?? ref.id ?? ref.name;
}

/** The service's stop_grace_period, unless the caller gave a timeout (`down -t`). */
function stopTimeout(context: ApplyContext, service: string): number {
  if (context.stopTimeout !== undefined) return context.stopTimeout;
  const config = context.project.model.services[service] ? serviceOf(context.project, service) : undefined;
  return seconds(config?.stop_grace_period) ?? DEFAULT_STOP_TIMEOUT_S;
}

async function stopQuietly(context: ApplyContext, ref: ContainerRef): Promise<void> {
  await context.docker
    .getContainer(containerId(context, ref))
    .stop({ t: stopTimeout(context, ref.service) })
    .catch((error: unknown) => {
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== 304 && status !== 404) throw engineError(error, `cannot stop container ${ref.name}`);
    });
}

async function anonymousVolumesOf(container: Docker.Container): Promise<Map<string, string>> {
  const info = await container.inspect();
  const volumes = new Map<string, string>();
  for (const mount of info.Mounts ?? []) {
    // Anonymous volumes are named by a 64-hex-digit ID; named ones carry the project's name.
    if (mount.Type === 'volume' && mount.Name && /^[0-9a-f]{64}$/.test(mount.Name))
      volumes.set(mount.Destination, mount.Name);
  }
  return volumes;
}

async function imageIdOf(context: ApplyContext, image: string): Promise<string> {
  const known = context.imageIds.get(image);
  if (known) return known;
  const inspected = await context.docker
    .getImage(image)
    .inspect()
    .catch((error: unknown) => {
      throw engineError(error, `image ${image} is not on the engine`);
    });
  context.imageIds.set(image, inspected.Id);
  return inspected.Id;
}
