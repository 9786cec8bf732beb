import type { ContainerSummary } from '@shared/schemas/containers';

export interface ContainerGroup {
  /** Compose project name, or null for containers started outside Compose. */
  project: string | null;
  containers: ContainerSummary[];
  running: number;
}

/** Compose projects first (by name), then standalone containers; containers by service then name. */
export function groupByProject(containers: Iterable<ContainerSummary>): ContainerGroup[] {
  const groups = new Map<string | null, ContainerSummary[]>();
  for (const container of containers) {
    const key = container.compose?.project ?? null;
    const list = groups.get(key) ?? [];
    list.push(container);
    groups.set(key, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([project, list]) => ({
      project,
      containers: list.sort(
        (a, b) => (a.compose?.service ?? '').localeCompare(b.compose?.service ?? '') || a.name.localeCompare(b.name),
      ),
      running: list.filter((container) => container.state === 'running').length,
    }));
}
