/**
 * The loaded project. `model` has exactly the shape and field names of `docker compose config --format json`
 * (JSON.stringify(model) is that document, `$` not yet re-escaped); everything else is metadata kept out of it.
 */
import type { FileObjectConfig, NetworkConfig, VolumeConfig } from './resources';
import type { ComposeService } from './service';

export type { ComposeService } from './service';

export interface ComposeModel {
  name: string;
  services: Record<string, ComposeService>;
  networks?: Record<string, NetworkConfig>;
  volumes?: Record<string, VolumeConfig>;
  secrets?: Record<string, FileObjectConfig>;
  configs?: Record<string, FileObjectConfig>;
  /** Top-level `x-` extensions, kept as written (after interpolation). */
  [extension: `x-${string}`]: unknown;
}

/** A Compose file Berth adds to a project from memory (its own overrides), with the path it stands for. */
export interface InMemoryComposeFile {
  path: string;
  content: string;
}

export interface ComposeProject {
  model: ComposeModel;
  name: string;
  /** Absolute project directory (relative paths in the files resolved against it). */
  workingDir: string;
  /** Absolute paths of the Compose files loaded, in order (Berth's own overrides included). */
  configFiles: string[];
  /** Berth's override files among `configFiles`, loaded from memory; their files are written only when they change. */
  berthFiles: InMemoryComposeFile[];
  /** Variables used for interpolation: shell environment over env files, plus COMPOSE_PROJECT_NAME. */
  environment: Record<string, string>;
  /** Active profiles. */
  profiles: string[];
  /** Services left out because none of their profiles is active (same shape as model.services). */
  disabledServices: Record<string, ComposeService>;
  /** Warnings Compose would print (unset variables, obsolete `version`). */
  warnings: string[];
}

/** The enabled service `name` of the project; a name the plan did not take from the project is a bug. */
export function serviceOf(project: ComposeProject, name: string): ComposeService {
  const service = project.model.services[name];
  if (!service) throw new Error(`no service "${name}" in project ${project.name}`);
  return service;
}
