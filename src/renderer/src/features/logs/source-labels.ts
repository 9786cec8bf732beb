import type { LogSource } from '@shared/schemas/logs';

/** Prefix colors per source, as `docker compose logs` gives each service its own (tokens.css: readable per theme). */
const PREFIX_COLORS = Array.from({ length: 8 }, (_, index) => `var(--source-${index})`);

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
