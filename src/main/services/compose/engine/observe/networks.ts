/**
 * Networks by name when several share one: dockerd allows that (CheckDuplicate is best-effort, and off for any
 * client that asks), and two racing `up`s can make them. A name then no longer identifies a network for the
 * engine ("network … is ambiguous"), so, as Compose does, `up` picks one of them the same way every time and
 * addresses it by ID, and `down` removes every network of the project that has the name.
 */
import type Docker from 'dockerode';
import { COMPOSE_LABELS } from '../../labels';
import type { ObservedResource } from './observed-resource';

export interface ObservedNetworks {
  /** The network `up` uses for each name. */
  byName: Map<string, ObservedResource>;
  /** The other networks that share a name with one in `byName`. */
  shadowed: ObservedResource[];
}

/**
 * The one the project's containers already joined (most of them), so new ones join them; then the project's own
 * (by its label); then the lowest ID: the same choice on every run.
 */
export function preferredNetwork(
  candidates: readonly ObservedResource[],
  project: string,
  joined: ReadonlyMap<string, number> = new Map(),
): ObservedResource | null {
  const ours = (network: ObservedResource) => network.labels[COMPOSE_LABELS.project] === project;
  const members = (network: ObservedResource) => joined.get(network.id) ?? 0;
  return (
    [...candidates].sort(
      (a, b) =>
        members(b) - members(a) || Number(ours(b)) - Number(ours(a)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )[0] ?? null
  );
}

/** `joined`: how many of the project's containers each network ID has. */
export function groupNetworks(
  networks: readonly ObservedResource[],
  project: string,
  joined: ReadonlyMap<string, number> = new Map(),
): ObservedNetworks {
  const sameName = new Map<string, ObservedResource[]>();
  for (const network of networks) sameName.set(network.name, [...(sameName.get(network.name) ?? []), network]);
  const byName = new Map<string, ObservedResource>();
  const shadowed: ObservedResource[] = [];
  for (const [name, candidates] of sameName) {
    const chosen = preferredNetwork(candidates, project, joined)!;
    byName.set(name, chosen);
    shadowed.push(...candidates.filter((candidate) => candidate !== chosen));
  }
  return { byName, shadowed };
}

export function toObservedNetwork(network: Docker.NetworkInspectInfo): ObservedResource {
  return { name: network.Name, id: network.Id, labels: network.Labels ?? {} };
}

/** Every network named exactly `name` (the engine's name filter also matches parts of names). */
export async function networksNamed(docker: Docker, name: string): Promise<ObservedResource[]> {
  const listed = await docker.listNetworks({ filters: { name: [name] } });
  return listed.filter((network) => network.Name === name).map(toObservedNetwork);
}
