/** `build --no-cache` / `--pull`: the project as the build sees it, every build section told to do so. */
import type { ComposeProject } from '../compose/model/project';
import type { ComposeService } from '../compose/model/service';

export interface BuildOverrides {
  noCache?: boolean;
  pull?: boolean;
}

export function withBuildOverrides(project: ComposeProject, overrides: BuildOverrides): ComposeProject {
  if (!overrides.noCache && !overrides.pull) return project;
  const services: Record<string, ComposeService> = {};
  for (const [name, service] of Object.entries(project.model.services)) {
    services[name] = service.build
      ? {
          ...service,
          build: {
            ...service.build,
            ...(overrides.noCache ? { no_cache: true } : {}),
            ...(overrides.pull ? { pull: true } : {}),
          },
        }
      : service;
  }
  return { ...project, model: { ...project.model, services } };
}
