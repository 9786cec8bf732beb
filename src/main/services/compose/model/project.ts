/**
 * The loaded project. `model` has exactly the shape and field names of `docker compose config --format json`
 * (JSON.stringify(model) is that document, `$` not yet re-escaped); everything else is metadata kept out of it.
 */
export type ComposeService = Record<string, unknown> & {
  image?: string;
  profiles?: string[];
  depends_on?: Record<string, { condition: string; restart?: boolean; required: boolean }>;
  command: string[] | null;
  entrypoint: string[] | null;
  environment?: Record<string, string | null>;
};

export interface ComposeModel {
  name: string;
  services: Record<string, ComposeService>;
  networks?: Record<string, Record<string, unknown>>;
  volumes?: Record<string, Record<string, unknown>>;
  secrets?: Record<string, Record<string, unknown>>;
  configs?: Record<string, Record<string, unknown>>;
  /** Top-level `x-` extensions, kept as written (after interpolation). */
  [extension: `x-${string}`]: unknown;
}

export interface ComposeProject {
  model: ComposeModel;
  name: string;
  /** Absolute project directory (relative paths in the files resolved against it). */
  workingDir: string;
  /** Absolute paths of the Compose files loaded, in order. */
  configFiles: string[];
  /** Variables used for interpolation: shell environment over env files, plus COMPOSE_PROJECT_NAME. */
  environment: Record<string, string>;
  /** Active profiles. */
  profiles: string[];
  /** Services left out because none of their profiles is active (same shape as model.services). */
  disabledServices: Record<string, ComposeService>;
  /** Warnings Compose would print (unset variables, obsolete `version`). */
  warnings: string[];
}
