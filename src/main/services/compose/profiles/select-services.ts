/**
 * Services named on the command line (`berth config web`): those services and, transitively, what they
 * depend on; an unknown name is an error, as with `docker compose config <service>`.
 */
import { composeInvalidError } from '../errors/compose-errors';
import type { ComposeService } from '../model/project';

export function selectServices(
  services: Record<string, ComposeService>,
  names: readonly string[],
): Record<string, ComposeService> {
  const selected = new Set<string>();
  const visit = (name: string) => {
    if (selected.has(name)) return;
    const service = services[name];
    if (service === undefined) throw composeInvalidError(`no such service: ${name}`, { path: `services.${name}` });
    selected.add(name);
    for (const dependency of Object.keys(service.depends_on ?? {}))
      if (services[dependency] !== undefined) visit(dependency);
  };
  for (const name of names) visit(name);
  return Object.fromEntries(
    Object.keys(services)
      .filter((name) => selected.has(name))
      .map((name) => [name, services[name]!]),
  );
}
