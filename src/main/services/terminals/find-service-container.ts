import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import { COMPOSE_LABELS } from '../compose/labels';

/** The container of replica `index` of a Compose service, found by its labels as Compose does. */
export async function findServiceContainer(
  docker: Docker,
  project: string,
  service: string,
  index: number,
): Promise<Docker.ContainerInfo> {
  const containers = await docker.listContainers({
    all: true,
    filters: {
      label: [`${COMPOSE_LABELS.project}=${project}`, `${COMPOSE_LABELS.service}=${service}`],
    },
  });
  const replicas = containers.filter((container) => container.Labels[COMPOSE_LABELS.oneoff] !== 'True');
  const match =
    replicas.find((container) => container.Labels[COMPOSE_LABELS.containerNumber] === String(index)) ??
    (index === 1 ? replicas[0] : undefined);
  if (!match) {
    throw new BerthError(
      'E_NOT_FOUND',
      `Service ${service} of project ${project} has no container${index > 1 ? ` number ${index}` : ''}.`,
      {
        fix: `Start the stack (berth up -p ${project}), or check the service and project names.`,
      },
    );
  }
  return match;
}
