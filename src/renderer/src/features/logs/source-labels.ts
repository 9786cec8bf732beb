import type { LogSource } from '@shared/schemas/logs';

/** Prefix colors per source, as `docker compose logs` gives each service its own. */
const PREFIX_COLORS = ['#2b9bd8', '#d8782b', '#3fae5a', '#c45ad1', '#d8c12b', '#2bc4b6', '#e0556b', '#8a8fe0'];

export interface SourceLabel {
  text: string;
  color: string;
}

/** The service name, or the container name where a service has several containers (or none). */
export function sourceLabels(sources: readonly LogSource[]): SourceLabel[] {
  const perService = new Map<string, number>();
  for (const source of sources)
    if (source.service) perService.set(source.service, (perService.get(source.service) ?? 0) + 1);
  return sources.map((source, index) => ({
    text: source.service && perService.get(source.service) === 1 ? source.service : source.name,
    color: PREFIX_COLORS[index % PREFIX_COLORS.length]!,
  }));
}
