/** Network and volume steps: created with the project's labels, removed only when Compose would remove them. */
import type { Step } from '../plan/steps';
import { networksNamed, preferredNetwork } from '../observe/networks';
import { resourceLabels } from '../spec/container-labels';
import type { ApplyContext } from './apply-context';
import { engineError } from './engine-errors';

type StepOf<K extends Step['kind']> = Extract<Step, { kind: K }>;

const CONFLICT = 409;
const NOT_FOUND = 404;

export async function createNetwork(context: ApplyContext, step: StepOf<'create-network'>): Promise<void> {
  const config = (context.project.model.networks ?? {})[step.key] ?? {};
  context.emit({ kind: 'resource', resource: 'network', name: step.name, action: 'creating' });
  const ipamConfig = config.ipam?.config?.map((pool) => ({
    ...(pool.subnet ? { Subnet: pool.subnet } : {}),
    ...(pool.gateway ? { Gateway: pool.gateway } : {}),
    ...(pool.ip_range ? { IPRange: pool.ip_range } : {}),
    ...(pool.aux_addresses ? { AuxiliaryAddresses: pool.aux_addresses } : {}),
  }));
  await context.docker
    .createNetwork({
      Name: step.name,
      CheckDuplicate: true,
      Driver: config.driver,
      Options: config.driver_opts,
      IPAM:
        config.ipam?.driver || ipamConfig?.length
          ? { Driver: config.ipam?.driver || 'default', Config: ipamConfig ?? [] }
          : undefined,
      Internal: config.internal ?? false,
      Attachable: config.attachable ?? false,
      EnableIPv6: config.enable_ipv6 ?? false,
      Labels: resourceLabels(context.project.name, 'network', step.key, config.labels),
    })
    .catch((error: unknown) => {
      if ((error as { statusCode?: number }).statusCode !== CONFLICT)
        throw engineError(error, `cannot create network ${step.name}`);
    });
  // Another `up` may have created one with the name meanwhile (then ours answered 409, or both exist): use the
  // one every run picks.
  const chosen = preferredNetwork(await networksNamed(context.docker, step.name), context.project.name);
  if (chosen) context.networkIds.set(step.name, chosen.id);
  context.emit({ kind: 'resource', resource: 'network', name: step.name, action: 'created' });
}

export async function createVolume(context: ApplyContext, step: StepOf<'create-volume'>): Promise<void> {
  const config = (context.project.model.volumes ?? {})[step.key] ?? {};
  context.emit({ kind: 'resource', resource: 'volume', name: step.name, action: 'creating' });
  await context.docker
    .createVolume({
      Name: step.name,
      Driver: config.driver,
      DriverOpts: config.driver_opts,
      Labels: resourceLabels(context.project.name, 'volume', step.key, config.labels),
    })
    .catch((error: unknown) => {
      throw engineError(error, `cannot create volume ${step.name}`);
    });
  context.emit({ kind: 'resource', resource: 'volume', name: step.name, action: 'created' });
}

export async function removeNetwork(context: ApplyContext, step: StepOf<'remove-network'>): Promise<void> {
  context.emit({ kind: 'resource', resource: 'network', name: step.name, action: 'removing' });
  try {
    await context.docker.getNetwork(step.networkId ?? step.name).remove();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === NOT_FOUND) return;
    // Still used by containers outside the project (or orphans left in place): Compose warns and goes on.
    context.emit({
      kind: 'warning',
      message: `network ${step.name} was not removed: ${engineError(error, step.name).message}`,
    });
    return;
  }
  context.emit({ kind: 'resource', resource: 'network', name: step.name, action: 'removed' });
}

export async function removeVolume(context: ApplyContext, step: StepOf<'remove-volume'>): Promise<void> {
  context.emit({ kind: 'resource', resource: 'volume', name: step.name, action: 'removing' });
  try {
    await context.docker.getVolume(step.name).remove();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === NOT_FOUND) return;
    context.emit({
      kind: 'warning',
      message: `volume ${step.name} was not removed: ${engineError(error, step.name).message}`,
    });
    return;
  }
  context.emit({ kind: 'resource', resource: 'volume', name: step.name, action: 'removed' });
}
