/** Containers of the project whose service is no longer in its files (under any profile). */
import type { ComposeProject } from '../../model/project';
import type { ObservedContainer, ObservedState } from '../observe/observed-state';

export function isKnownService(project: ComposeProject, service: string): boolean {
  return Boolean(project.model.services[service] ?? project.disabledServices[service]);
}

export function orphanContainers(project: ComposeProject, observed: ObservedState): ObservedContainer[] {
  return observed.containers.filter((container) => !isKnownService(project, container.service));
}
