/** Which running containers a selection means, and which engine events can change that. */
import type Docker from 'dockerode';
import type { EngineEvent } from '@shared/schemas/engine';
import type { StatsSelection, StatsTarget } from '@shared/schemas/stats';
import { BERTH_LABELS } from '../berth-labels';
import { COMPOSE_LABELS } from '../compose/labels';

/** Actions after which the set of running containers may differ. */
const MEMBERSHIP_ACTIONS = new Set(['start', 'die', 'destroy', 'rename', 'pause', 'unpause', 'kill']);

export function isEmptySelection(selection: StatsSelection): boolean {
  return (
    !selection.all &&
    selection.containers.length === 0 &&
    selection.services.length === 0 &&
    selection.projects.length === 0
  );
}

/** The running (and paused) containers the selection covers, Berth's helpers left out, by project, service, name. */
export async function resolveTargets(docker: Docker, selection: StatsSelection): Promise<StatsTarget[]> {
  if (isEmptySelection(selection)) return [];
  const listed = await docker.listContainers({ filters: { status: ['running', 'paused'] } });
  return listed
    .filter((container) => !container.Labels?.[BERTH_LABELS.helper])
    .map((container): StatsTarget => {
      const labels = container.Labels ?? {};
      return {
        id: container.Id,
        name: (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''),
        project: labels[COMPOSE_LABELS.project] ?? null,
        service: labels[COMPOSE_LABELS.service] ?? null,
      };
    })
    .filter((target) => selects(selection, target))
    .sort(
      (a, b) =>
        (a.project ?? '').localeCompare(b.project ?? '') ||
        (a.service ?? '').localeCompare(b.service ?? '') ||
        a.name.localeCompare(b.name),
    );
}

export function selects(selection: StatsSelection, target: StatsTarget): boolean {
  if (selection.all) return true;
  if (target.project && selection.projects.includes(target.project)) return true;
  if (selection.services.some((s) => s.project === target.project && s.service === target.service)) return true;
  return selection.containers.some(
    (wanted) => wanted === target.name || wanted === target.id || (wanted.length >= 12 && target.id.startsWith(wanted)),
  );
}

/** True when the event may add a container to the selection or take one away. */
export function affectsTargets(selection: StatsSelection, event: EngineEvent, known: ReadonlySet<string>): boolean {
  if (event.type !== 'container' || !MEMBERSHIP_ACTIONS.has(event.action)) return false;
  if (known.has(event.id)) return true;
  const attributes = event.attributes;
  return selects(selection, {
    id: event.id,
    name: attributes.name ?? '',
    project: attributes[COMPOSE_LABELS.project] ?? null,
    service: attributes[COMPOSE_LABELS.service] ?? null,
  });
}
