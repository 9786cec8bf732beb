/**
 * A service's containers, one per number, from any half-done state. A recreate cut short (the process killed)
 * leaves a container renamed `<short id>_<name>` (Berth renames the old one; Compose creates the new one under
 * such a name), with the service's labels and number, beside or instead of the one under the right name. As
 * Compose does, containers are the service's by their labels: for each number one is kept (the one under its
 * own name, else the newest) and the others are leftovers that `up` removes.
 */
import { type ComposeProject, serviceOf } from '../../model/project';
import { containerName } from '../naming';
import type { ObservedContainer, ObservedState } from '../observe/observed-state';

export interface ServiceContainers {
  /** The kept containers of each service of the model, sorted by number. */
  current: Map<string, ObservedContainer[]>;
  /** The other containers of those services that share a number with a kept one. */
  leftovers: ObservedContainer[];
}

/** A name an interrupted recreate leaves: a 12-hex-digit ID, an underscore, then the container's own name. */
export function isRecreateLeftoverName(name: string, ownName: string): boolean {
  return name.endsWith(`_${ownName}`) && /^[0-9a-f]{12}_/.test(name) && name.length === ownName.length + 13;
}

export function serviceContainers(project: ComposeProject, observed: ObservedState): ServiceContainers {
  const current = new Map<string, ObservedContainer[]>();
  const leftovers: ObservedContainer[] = [];
  for (const service of Object.keys(project.model.services)) {
    const config = serviceOf(project, service);
    const byNumber = new Map<number, ObservedContainer[]>();
    for (const container of observed.containers.filter((c) => c.service === service))
      byNumber.set(container.number, [...(byNumber.get(container.number) ?? []), container]);
    const kept: ObservedContainer[] = [];
    for (const [number, containers] of byNumber) {
      const ownName = containerName(project.name, service, number, config);
      const [first, ...others] = [...containers].sort(
        (a, b) =>
          Number(b.name === ownName) - Number(a.name === ownName) || b.created - a.created || a.id.localeCompare(b.id),
      );
      kept.push(first!);
      leftovers.push(...others);
    }
    current.set(
      service,
      kept.sort((a, b) => a.number - b.number),
    );
  }
  return { current, leftovers };
}
