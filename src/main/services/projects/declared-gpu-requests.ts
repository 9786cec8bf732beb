import type { DeclaredGpuRequest } from '@shared/schemas/gpu';
import { requestsFromComposeService } from '../gpus/gpu-requests';
import type { ProjectCatalog } from './project-catalog';

/**
 * Every GPU request written in the saved projects' Compose files, profiles included, whether a container exists or
 * not: what the GPU page lists as "services that request GPUs" before anything runs. A project that doesn't load is
 * skipped (the Projects page says why).
 */
export async function declaredGpuRequests(catalog: ProjectCatalog): Promise<DeclaredGpuRequest[]> {
  const saved = (await catalog.list()).filter((project) => project.saved && project.problem === null);
  const requests = await Promise.all(
    saved.map(async ({ directory }) => {
      if (!directory) return [];
      const project = await catalog.load({ directory }).catch(() => null);
      if (!project) return [];
      const services = { ...project.model.services, ...project.disabledServices };
      return Object.entries(services).flatMap(([service, definition]) =>
        requestsFromComposeService({ project: project.name, service }, definition, false).map((request) => ({
          ...request,
          directory,
        })),
      );
    }),
  );
  return requests.flat();
}
