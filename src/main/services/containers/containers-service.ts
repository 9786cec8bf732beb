import type Docker from 'dockerode';
import type { ContainerSummary } from '../../../shared/schemas/containers';
import { toContainerSummary } from './container-summary';

export async function listContainers(docker: Docker): Promise<ContainerSummary[]> {
  const containers = await docker.listContainers({ all: true });
  return containers.map(toContainerSummary);
}

/** One container by id, or null when it no longer exists. */
export async function findContainer(docker: Docker, id: string): Promise<ContainerSummary | null> {
  const [container] = await docker.listContainers({ all: true, filters: { id: [id] } });
  return container ? toContainerSummary(container) : null;
}
