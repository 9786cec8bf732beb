import type { LogSource } from '@shared/schemas/logs';

/** Prefix colors per source, as `docker compose logs` gives each service its own (tokens.css: readable per theme). */
const PREFIX_COLORS = Array.from({ length: 8 }, (_, index) => `var(--source-${index})`);

export interface SourceLabel {
  text: string;
  color: string;
}

/** A swarm task as `docker service logs` names it: `<service>.<slot or node id>.<task id>@<node>`. */
const SWARM_TASK = /^(.+)\.([0-9a-z]+)\.[0-9a-z]{12}@(.+)$/;

/** A swarm task's short name: `<service>.<slot>` (a replicated service), `<service>@<node>` (a global one). */
function shortTaskName(name: string): string | null {
  const match = SWARM_TASK.exec(name);
  if (!match) return null;
  const [, service, slot, node] = match;
  return /^\d+$/.test(slot!) ? `${service}.${slot}` : `${service}@${node}`;
}

/**
 * The service name, or the container name where a service has several containers (or none); a swarm task by its
 * short name (`web.1`) unless another task has the same one (a replaced task), then by its full name.
 */
export function sourceLabels(sources: readonly LogSource[]): SourceLabel[] {
  const perService = new Map<string, number>();
  for (const source of sources)
    if (source.service) perService.set(source.service, (perService.get(source.service) ?? 0) + 1);
  const texts = sources.map((source) =>
    source.service && perService.get(source.service) === 1
      ? source.service
      : (shortTaskName(source.name) ?? source.name),
  );
  const perText = new Map<string, number>();
  for (const text of texts) perText.set(text, (perText.get(text) ?? 0) + 1);
  return sources.map((source, index) => ({
    text: perText.get(texts[index]!) === 1 ? texts[index]! : source.name,
    color: PREFIX_COLORS[index % PREFIX_COLORS.length]!,
  }));
}
