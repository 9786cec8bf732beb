/** A project's live state, derived from the containers the engine reports (kept current by events). */
import type { ContainerSummary } from '@shared/schemas/containers';
import type { ProjectDetail, Stack } from '@shared/schemas/projects';

export type StackState = 'on' | 'partial' | 'off';

export function containersByService(
  containers: Record<string, ContainerSummary>,
  project: string,
): Map<string, ContainerSummary[]> {
  const byService = new Map<string, ContainerSummary[]>();
  for (const container of Object.values(containers)) {
    if (container.compose?.project !== project || container.compose.oneoff) continue;
    const list = byService.get(container.compose.service) ?? [];
    list.push(container);
    byService.set(container.compose.service, list);
  }
  return byService;
}

export function isServiceRunning(byService: Map<string, ContainerSummary[]>, service: string): boolean {
  return (byService.get(service) ?? []).some((container) => container.state === 'running');
}

export function stackState(stack: Stack, byService: Map<string, ContainerSummary[]>): StackState {
  const running = stack.services.filter((service) => isServiceRunning(byService, service)).length;
  if (running === 0) return 'off';
  return running === stack.services.length ? 'on' : 'partial';
}

/** Services outside the stack, not running yet, that starting it also starts because the stack depends on them. */
export function dependenciesOutside(
  detail: ProjectDetail,
  services: string[],
  byService: Map<string, ContainerSummary[]> = new Map(),
): string[] {
  const dependsOn = new Map(detail.services.map((service) => [service.name, service.dependsOn]));
  const seen = new Set(services);
  const queue = [...services];
  while (queue.length > 0) {
    for (const dependency of dependsOn.get(queue.shift()!) ?? []) {
      if (seen.has(dependency)) continue;
      seen.add(dependency);
      queue.push(dependency);
    }
  }
  return [...seen].filter((service) => !services.includes(service) && !isServiceRunning(byService, service)).sort();
}

/** Running services outside `services` that depend on one of them: stopping `services` would break them. */
export function runningDependents(
  detail: ProjectDetail,
  services: string[],
  byService: Map<string, ContainerSummary[]>,
): string[] {
  return detail.services
    .filter(
      (service) =>
        !services.includes(service.name) &&
        isServiceRunning(byService, service.name) &&
        service.dependsOn.some((dependency) => services.includes(dependency)),
    )
    .map((service) => service.name);
}
