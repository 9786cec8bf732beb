import type Docker from 'dockerode';
import type { ContainerSummary } from '@shared/schemas/containers';
import { BERTH_LABELS } from '../berth-labels';
import { toContainerSummary } from './container-summary';

/** Berth's own helper containers are an implementation detail, not the user's containers. */
const isUsersContainer = (container: Docker.ContainerInfo) => !container.Labels?.[BERTH_LABELS.helper];

export async function listContainers(docker: Docker): Promise<ContainerSummary[]> {
  const containers = await docker.listContainers({ all: true });
  return containers.filter(isUsersContainer).map(toContainerSummary);
}

/** One of the user's containers by id, or null when it no longer exists (or is one of Berth's helpers). */
export async function findContainer(docker: Docker, id: string): Promise<ContainerSummary | null> {
  const [container] = await docker.listContainers({ all: true, filters: { id: [id] } });
  return container && isUsersContainer(container) ? toContainerSummary(container) : null;
}
