/** The networks and volumes a set of services needs, and whether each must be created or must already exist. */
import { BerthError } from '@shared/errors';
import { type ComposeProject, serviceOf } from '../../model/project';
import { networkName, volumeName } from '../naming';
import type { ObservedState } from '../observe/observed-state';
import { serviceNetworkKeys } from '../spec/networking';
import { stepId, type Step } from './steps';

export function networkKeysOf(project: ComposeProject, services: Iterable<string>): string[] {
  const keys = new Set<string>();
  for (const service of services) serviceNetworkKeys(serviceOf(project, service)).forEach((key) => keys.add(key));
  return [...keys].sort();
}

export function volumeKeysOf(project: ComposeProject, services: Iterable<string>): string[] {
  const keys = new Set<string>();
  const declared = project.model.volumes ?? {};
  for (const service of services) {
    for (const volume of serviceOf(project, service).volumes ?? []) {
      if (volume.type === 'volume' && volume.source && declared[volume.source]) keys.add(volume.source);
    }
  }
  return [...keys].sort();
}

/** Create steps for missing networks and volumes; an error naming the resource when an external one is missing. */
export function resourceSteps(project: ComposeProject, services: Iterable<string>, observed: ObservedState): Step[] {
  const serviceList = [...services];
  const steps: Step[] = [];
  const networks = project.model.networks ?? {};
  for (const key of networkKeysOf(project, serviceList)) {
    const name = networkName(project.name, key, networks[key]);
    if (observed.networks.has(name)) continue;
    if (networks[key]?.external) {
      throw new BerthError('E_NOT_FOUND', `network ${name} declared as external, but could not be found`, {
        fix: `Create it with "docker network create ${name}", or drop "external: true".`,
      });
    }
    steps.push({ id: stepId('create-network', key), after: [], kind: 'create-network', key, name });
  }
  const volumes = project.model.volumes ?? {};
  for (const key of volumeKeysOf(project, serviceList)) {
    const name = volumeName(project.name, key, volumes[key]);
    if (observed.volumes.has(name)) continue;
    if (volumes[key]?.external) {
      throw new BerthError('E_NOT_FOUND', `external volume "${name}" not found`, {
        fix: `Create it with "docker volume create ${name}", or drop "external: true".`,
      });
    }
    steps.push({ id: stepId('create-volume', key), after: [], kind: 'create-volume', key, name });
  }
  return steps;
}
