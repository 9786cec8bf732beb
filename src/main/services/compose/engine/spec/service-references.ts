/**
 * `network_mode`, `ipc`, `pid: service:X` and `volumes_from: X` point at another service's container. Compose
 * replaces them with `container:<id>` before it hashes and creates the service, so a service sharing a namespace
 * gets a new config hash, and is recreated, whenever the container it shares with is.
 */
import type { ComposeService } from '../../model/service';

const SERVICE_PREFIX = 'service:';
const CONTAINER_PREFIX = 'container:';

/** The services a service's namespaces and volumes_from point at (they must have a container first). */
export function referencedServices(config: ComposeService): string[] {
  const names = new Set<string>();
  for (const mode of [config.network_mode, config.ipc, config.pid]) {
    if (mode?.startsWith(SERVICE_PREFIX)) names.add(mode.slice(SERVICE_PREFIX.length));
  }
  for (const entry of config.volumes_from ?? []) {
    if (!entry.startsWith(CONTAINER_PREFIX)) names.add(entry.split(':')[0]!);
  }
  return [...names];
}

/** A copy of the service with its service references replaced by `container:<id>` (volumes_from: the bare ID). */
export function resolveServiceReferences<T extends ComposeService>(
  config: T,
  containerIdOf: (service: string) => string,
): T {
  const resolved: T = { ...config };
  const resolveMode = (mode: string | undefined) =>
    mode?.startsWith(SERVICE_PREFIX) ? `${CONTAINER_PREFIX}${containerIdOf(mode.slice(SERVICE_PREFIX.length))}` : mode;
  if (config.network_mode !== undefined) resolved.network_mode = resolveMode(config.network_mode);
  if (config.ipc !== undefined) resolved.ipc = resolveMode(config.ipc);
  if (config.pid !== undefined) resolved.pid = resolveMode(config.pid);
  if (config.volumes_from) {
    resolved.volumes_from = config.volumes_from.map((entry) => {
      if (entry.startsWith(CONTAINER_PREFIX)) return entry;
      const [service, mode] = entry.split(':');
      const id = containerIdOf(service!);
      return mode ? `${id}:${mode}` : id;
    });
  }
  return resolved;
}

/** `volumes_from` as the engine takes it: container names or IDs, with an optional `:ro`/`:rw`. */
export function engineVolumesFrom(resolved: string[] | undefined): string[] | undefined {
  return resolved?.map((entry) => (entry.startsWith(CONTAINER_PREFIX) ? entry.slice(CONTAINER_PREFIX.length) : entry));
}
