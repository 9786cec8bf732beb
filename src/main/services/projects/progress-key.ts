import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';

/**
 * While a consumer is behind, some progress only matters in its latest state: a service's pull or build line, a
 * build step's status. Those coalesce by this key; every other event (a container created, started, failed, a
 * build's output lines) is kept, in order.
 */
export function progressEventKey(event: ComposeProgressEvent): string | null {
  if (event.kind === 'build-step') return `build-step:${event.service}:${event.step.number}`;
  return event.kind === 'pulling' || event.kind === 'building' ? `${event.kind}:${event.service}` : null;
}
