import type Docker from 'dockerode';
import type { ContainerSummary } from '@shared/schemas/containers';
import type { EngineEvent } from '@shared/schemas/engine';
import { BERTH_LABELS } from '../berth-labels';
import { inspectorFor, withInspect } from '../diagnostics/container-inspector';
import { toContainerSummary } from './container-summary';
import { mapLimited } from './map-limited';

/** Berth's own helper containers are an implementation detail, not the user's containers. */
const isUsersContainer = (container: Docker.ContainerInfo) => !container.Labels?.[BERTH_LABELS.helper];

/** Inspects in flight at once on a first list of many containers. */
const PARALLEL_INSPECTS = 8;

/**
 * The user's containers with how their runs went and why they are in their state. The list endpoint has no exit
 * details, so containers are inspected: all of them on the first list, afterwards only those whose listed state
 * changed since (the rest come from the cache).
 */
export async function listContainers(docker: Docker): Promise<ContainerSummary[]> {
  const containers = (await docker.listContainers({ all: true })).filter(isUsersContainer);
  const inspector = inspectorFor(docker);
  return mapLimited(containers, PARALLEL_INSPECTS, async (container) =>
    withInspect(toContainerSummary(container), await inspector.inspectForList(container).catch(() => null)),
  );
}

/**
 * One of the user's containers by id, or null when it no longer exists (or is one of Berth's helpers). Inspected
 * afresh; pass the engine event that prompted the lookup so crash loops and stop requests are recognised and a
 * healthcheck's exec events don't cost an inspect each.
 */
export async function findContainer(docker: Docker, id: string, event?: EngineEvent): Promise<ContainerSummary | null> {
  const inspector = inspectorFor(docker);
  const [[container], inspected] = await Promise.all([
    docker.listContainers({ all: true, filters: { id: [id] } }),
    inspector.inspectFresh(id, event).catch(() => null),
  ]);
  return container && isUsersContainer(container) ? withInspect(toContainerSummary(container), inspected) : null;
}
