/**
 * Services named on the command line (`berth config web`): those services and, transitively, what they
 * depend on; an unknown name is an error, as with `docker compose config <service>`.
 */
import { composeInvalidError } from '../errors/compose-errors';
import type { ComposeService } from '../model/project';
import { emptyMap } from '../util/plain-data';

export function selectServices(
  services: Record<string, ComposeService>,
  names: readonly string[],
): Record<string, ComposeService> {
  const selected = new Set<string>();
  const visit = (name: string) => {
    if (selected.has(name)) return;
    const service = services[name];
    if (service === undefined)
      throw composeInvalidError(`no such service: ${name}`, { path: `services.${name}` }, undefined, 'command');
    selected.add(name);
    for (const dependency of Object.keys(service.depends_on ?? {}))
      if (services[dependency] !== undefined) visit(dependency);
  };
  for (const name of names) visit(name);
  const out = emptyMap<ComposeService>();
  for (const name of Object.keys(services)) if (selected.has(name)) out[name] = services[name]!;
  return out;
}
