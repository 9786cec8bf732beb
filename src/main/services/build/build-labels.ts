/** What Compose puts on the images it builds besides the Dockerfile: resolved args, and its own labels. */
import type { ComposeProject } from '../compose/model/project';
import type { BuildConfig } from '../compose/model/service';
import { COMPOSE_LABELS } from '../compose/labels';
import { COMPOSE_COMPAT_VERSION } from '../compose/engine/naming';

/** Args with a value, and args without one that name a variable of the project's environment. */
export function resolvedBuildArgs(project: ComposeProject, build: BuildConfig): Record<string, string> {
  const args: Record<string, string> = {};
  for (const [name, value] of Object.entries(build.args ?? {})) {
    const resolved = value ?? project.environment[name];
    if (resolved !== undefined) args[name] = resolved;
  }
  return args;
}

/** The build's labels, then Compose's project, service and version labels (they win, as in Compose). */
export function imageLabels(project: ComposeProject, service: string, build: BuildConfig): Record<string, string> {
  return {
    ...build.labels,
    [COMPOSE_LABELS.project]: project.name,
    [COMPOSE_LABELS.service]: service,
    [COMPOSE_LABELS.version]: COMPOSE_COMPAT_VERSION,
  };
}
