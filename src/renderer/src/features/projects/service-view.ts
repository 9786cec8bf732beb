import type { ProjectDetail, ServiceInfo, Stack } from '@shared/schemas/projects';
import type { GpuCapability } from '@shared/schemas/gpu';
import type { OperationState, ServiceProgress } from '../../stores/operation-progress';

/** Phases in which a service has not started yet, as far as the running operation has told. */
const NOT_STARTED: ReadonlySet<ServiceProgress['phase'] | undefined> = new Set([
  undefined,
  'pulling',
  'pulled',
  'building',
  'built',
  'creating',
  'created',
]);

/** Phases of a dependency that hold its dependents back. */
const HOLDS_BACK: ReadonlySet<ServiceProgress['phase']> = new Set([
  'pulling',
  'pulled',
  'building',
  'built',
  'creating',
  'created',
  'starting',
  'waiting-healthy',
]);

/**
 * "waiting for mlflow (healthy), minio": while an operation runs, the dependencies a not-yet-started service is
 * held back by, from the operation's progress events. Null when it waits for nothing (or nothing runs).
 */
export function waitingFor(
  operation: OperationState | undefined,
  detail: ProjectDetail,
  service: string,
): string | null {
  if (operation?.status !== 'running') return null;
  if (!NOT_STARTED.has(operation.progress[service]?.phase)) return null;
  const dependsOn = detail.services.find((candidate) => candidate.name === service)?.dependsOn ?? [];
  const blocking = dependsOn.flatMap((dependency) => {
    const phase = operation.progress[dependency]?.phase;
    if (phase === undefined || !HOLDS_BACK.has(phase)) return [];
    return [phase === 'waiting-healthy' ? `${dependency} (healthy)` : dependency];
  });
  return blocking.length > 0 ? `waiting for ${blocking.join(', ')}` : null;
}

const PHASE_WORDS: Partial<Record<ServiceProgress['phase'], string>> = {
  pulling: 'pulling image',
  pulled: 'image pulled',
  building: 'building image',
  built: 'image built',
  creating: 'creating',
  created: 'created',
  starting: 'starting',
  'waiting-healthy': 'waiting until healthy',
  stopping: 'stopping',
  removing: 'removing',
};

/** What the running operation is doing to the service now ("pulling image 45%"), or null. */
export function pendingLabel(operation: OperationState | undefined, service: string): string | null {
  if (operation?.status !== 'running') return null;
  const progress = operation.progress[service];
  if (!progress) return null;
  const words = PHASE_WORDS[progress.phase];
  if (!words) return null;
  return progress.phase === 'pulling' && progress.percent !== null
    ? `${words} ${Math.round(progress.percent)}%`
    : words;
}

/** GPUs the services ask for, summed ("all" when one asks for every GPU); 0 when none asks. */
export function gpusRequested(services: readonly ServiceInfo[]): number | 'all' {
  let total = 0;
  for (const service of services) {
    if (!service.gpu) continue;
    if (service.gpu.count === 'all') return 'all';
    total += service.gpu.count ?? Math.max(1, service.gpu.deviceIds.length);
  }
  return total;
}

/**
 * "needs 1 GPU — none available" for a stack whose services request GPUs when the engine can't give any; null when
 * it asks for none or the engine can (or nobody knows yet).
 */
export function gpuShortfall(
  stack: Stack,
  detail: ProjectDetail,
  capability: GpuCapability | null | undefined,
): string | null {
  if (capability?.verdict !== 'no') return null;
  const requested = gpusRequested(detail.services.filter((service) => stack.services.includes(service.name)));
  if (requested === 0) return null;
  const amount = requested === 'all' ? 'GPUs' : `${requested} GPU${requested === 1 ? '' : 's'}`;
  return `needs ${amount} — none available`;
}

/** The project's services grouped under their stacks, in stack order; a service appears under its first stack. */
export function groupByStack(detail: ProjectDetail): Array<{ stack: Stack | null; services: ServiceInfo[] }> {
  const byName = new Map(detail.services.map((service) => [service.name, service]));
  const placed = new Set<string>();
  const groups: Array<{ stack: Stack | null; services: ServiceInfo[] }> = [];
  for (const stack of detail.stacks) {
    const services = stack.services.flatMap((name) => {
      const service = byName.get(name);
      if (!service || placed.has(name)) return [];
      placed.add(name);
      return [service];
    });
    groups.push({ stack, services });
  }
  const rest = detail.services.filter((service) => !placed.has(service.name));
  if (rest.length > 0) groups.push({ stack: null, services: rest });
  return groups;
}
