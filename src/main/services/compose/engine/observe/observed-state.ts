/** What the engine holds for a project, found by Compose's labels: the "observed" side of the diff. */
import type Docker from 'dockerode';
import { COMPOSE_LABELS } from '../../labels';
import { groupNetworks, toObservedNetwork } from './networks';
import type { ObservedResource } from './observed-resource';
import { ordinalCompare } from '@shared/ordinal-compare';

export interface ObservedContainer {
  id: string;
  name: string;
  service: string;
  number: number;
  /** `running`, `exited`, `created`, `paused`, `restarting`, `dead`. */
  state: string;
  /** The engine's one-line status, e.g. "Up 3 seconds (healthy)". */
  status: string;
  image: string;
  configHash: string;
  /** The image ID the container was created from, per Compose's `com.docker.compose.image` label. */
  imageId: string;
  labels: Record<string, string>;
  ports: Docker.Port[];
  created: number;
  /** The networks it is joined to, by name; unknown where the engine does not say. */
  networks?: string[];
  /** The IDs of those networks, where the engine says. */
  networkIds?: string[];
}

export interface ObservedState {
  project: string;
  containers: ObservedContainer[];
  /**
   * Every network and volume on the engine, by name (external ones need not carry the project's labels). Where
   * several networks share a name, `networks` holds the one `up` uses (see observe/networks.ts).
   */
  networks: Map<string, ObservedResource>;
  /** The other networks sharing a name with one in `networks`: `down` removes the project's ones too. */
  shadowedNetworks: ObservedResource[];
  volumes: Map<string, ObservedResource>;
  /** Image ID by reference, for the images the project uses; null when the engine does not have it. */
  images: Map<string, string | null>;
}

export function projectLabelFilter(project: string): string {
  return `${COMPOSE_LABELS.project}=${project}`;
}

/** The project's service containers (not `run` one-offs), by the labels Compose filters on. */
export async function listProjectContainers(docker: Docker, project: string): Promise<ObservedContainer[]> {
  const containers = await docker.listContainers({
    all: true,
    filters: { label: [projectLabelFilter(project), `${COMPOSE_LABELS.oneoff}=False`] },
  });
  return containers.map(toObservedContainer).sort(byServiceThenNumber);
}

export function toObservedContainer(info: Docker.ContainerInfo): ObservedContainer {
  const labels = info.Labels ?? {};
  return {
    id: info.Id,
    name: (info.Names[0] ?? '').replace(/^\//, ''),
    service: labels[COMPOSE_LABELS.service] ?? '',
    number: Number(labels[COMPOSE_LABELS.containerNumber] ?? 0),
    state: info.State,
    status: info.Status,
    image: info.Image,
    configHash: labels[COMPOSE_LABELS.configHash] ?? '',
    imageId: labels[COMPOSE_LABELS.image] ?? '',
    labels,
    ports: info.Ports ?? [],
    created: info.Created,
    ...(info.NetworkSettings?.Networks
      ? {
          networks: Object.keys(info.NetworkSettings.Networks),
          networkIds: Object.values(info.NetworkSettings.Networks).flatMap((n) => (n.NetworkID ? [n.NetworkID] : [])),
        }
      : {}),
  };
}

function byServiceThenNumber(a: ObservedContainer, b: ObservedContainer): number {
  return ordinalCompare(a.service, b.service) || a.number - b.number;
}

export async function observeProject(
  docker: Docker,
  project: string,
  imageRefs: Iterable<string>,
): Promise<ObservedState> {
  const [containers, networks, volumes, images] = await Promise.all([
    listProjectContainers(docker, project),
    docker.listNetworks(),
    docker.listVolumes(),
    inspectImages(docker, imageRefs),
  ]);
  const joined = new Map<string, number>();
  for (const id of containers.flatMap((container) => container.networkIds ?? []))
    joined.set(id, (joined.get(id) ?? 0) + 1);
  const grouped = groupNetworks(networks.map(toObservedNetwork), project, joined);
  return {
    project,
    containers,
    networks: grouped.byName,
    shadowedNetworks: grouped.shadowed,
    volumes: new Map(
      (volumes.Volumes ?? []).map((volume) => [
        volume.Name,
        { name: volume.Name, id: volume.Name, labels: volume.Labels ?? {} },
      ]),
    ),
    images,
  };
}

async function inspectImages(docker: Docker, refs: Iterable<string>): Promise<Map<string, string | null>> {
  const unique = [...new Set(refs)];
  const ids = await Promise.all(unique.map((ref) => imageId(docker, ref)));
  return new Map(unique.map((ref, index) => [ref, ids[index] ?? null]));
}

export async function imageId(docker: Docker, ref: string): Promise<string | null> {
  try {
    const image = await docker.getImage(ref).inspect();
    return image.Id;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}
