/** What every step of one `apply` shares. */
import type Docker from 'dockerode';
import type { ComposeProgressEvent } from '../../../../../shared/schemas/compose-progress';
import type { ComposeProject } from '../../model/project';
import type { RegistryAuthLookup } from '../image/registry-auth';

export interface ApplyOptions {
  signal?: AbortSignal;
  onProgress?: (event: ComposeProgressEvent) => void;
  /** Seconds a container gets between SIGTERM and SIGKILL when stopped; default: its stop_grace_period, else 10. */
  stopTimeout?: number;
  /** Credentials for pulls; default: none. */
  registryAuth?: RegistryAuthLookup;
}

export interface ApplyContext {
  docker: Docker;
  project: ComposeProject;
  signal?: AbortSignal;
  emit: (event: ComposeProgressEvent) => void;
  stopTimeout?: number;
  registryAuth?: RegistryAuthLookup;
  /** Container IDs by container name: the observed ones, then those this apply creates. */
  containerIds: Map<string, string>;
  /** Container names by service, sorted by number. */
  containersByService: Map<string, string[]>;
  /** Image IDs by reference, filled as images are inspected, pulled or built. */
  imageIds: Map<string, string>;
}

/** The ID of a service's first container (the one `service:X` references resolve to). */
export function firstContainerId(context: ApplyContext, service: string): string {
  const name = context.containersByService.get(service)?.[0];
  const id = name ? context.containerIds.get(name) : undefined;
  if (!id) throw new Error(`service "${service}" has no container yet`);
  return id;
}
