/** What every step of one `apply` shares. */
import type Docker from 'dockerode';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';
import type { ComposeProject } from '../../model/project';
import type { RegistryAuthLookup } from '../image/registry-auth';
import type { Step } from '../plan/steps';
import type { EngineSlots } from './engine-slots';

export interface ApplyOptions {
  signal?: AbortSignal;
  onProgress?: (event: ComposeProgressEvent) => void;
  /** Seconds a container gets between SIGTERM and SIGKILL when stopped; default: its stop_grace_period, else 10. */
  stopTimeout?: number;
  /** Credentials for pulls; default: none. */
  registryAuth?: RegistryAuthLookup;
  /** Container creates, starts and removals in flight at once (default in apply-plan.ts). */
  engineConcurrency?: number;
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
  /** Network IDs by name: the observed ones (the one `up` uses, where several share a name), then those created. */
  networkIds: Map<string, string>;
  /** Image IDs by reference, filled as images are inspected, pulled or built. */
  imageIds: Map<string, string>;
  /** Limits the container operations in flight; `priorityOf` orders the ones waiting (lower first). */
  engineSlots: EngineSlots;
  priorityOf: (step: Step) => number;
}

/** The ID of a service's first container (the one `service:X` references resolve to). */
export function firstContainerId(context: ApplyContext, service: string): string {
  const name = context.containersByService.get(service)?.[0];
  const id = name ? context.containerIds.get(name) : undefined;
  if (!id) throw new Error(`service "${service}" has no container yet`);
  return id;
}
