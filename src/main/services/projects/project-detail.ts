import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ProjectDetail, ServiceInfo } from '@shared/schemas/projects';
import type { ComposeProject, ComposeService } from '../compose/model/project';
import { requestsFromComposeService } from '../gpus/gpu-requests';
import { projectStacks } from './project-stacks';

interface ModelPort {
  target?: number;
  published?: string | number;
  protocol?: string;
}

function portsOf(service: ComposeService): ServiceInfo['ports'] {
  const ports = Array.isArray(service.ports) ? (service.ports as ModelPort[]) : [];
  return ports.flatMap((port) =>
    typeof port.target === 'number'
      ? [
          {
            target: port.target,
            published: port.published === undefined || port.published === '' ? null : Number(port.published),
            protocol: port.protocol ?? 'tcp',
          },
        ]
      : [],
  );
}

function gpuOf(
  project: string,
  name: string,
  service: ComposeService,
  assigned: string[] | undefined,
): ServiceInfo['gpu'] {
  const [request] = requestsFromComposeService({ project, service: name }, service, false);
  if (!request && !assigned) return null;
  return { count: request?.count ?? null, deviceIds: request?.deviceIds ?? [], assigned: assigned ?? null };
}

function hasHealthcheck(service: ComposeService): boolean {
  const healthcheck = service.healthcheck as { disable?: boolean; test?: unknown } | undefined;
  return Boolean(healthcheck && !healthcheck.disable && healthcheck.test);
}

function serviceInfo(project: ComposeProject, name: string, service: ComposeService, assigned?: string[]): ServiceInfo {
  return {
    name,
    image: service.image ?? null,
    build: Boolean(service.build),
    profiles: service.profiles ?? [],
    dependsOn: Object.keys(service.depends_on ?? {}),
    ports: portsOf(service),
    gpu: gpuOf(project.name, name, service, assigned),
    healthcheck: hasHealthcheck(service),
    watch: (service.develop?.watch?.length ?? 0) > 0,
  };
}

/** Named volumes the project owns (not external ones), by the names the engine knows them. */
export function ownedVolumes(project: ComposeProject): string[] {
  return Object.entries(project.model.volumes ?? {}).flatMap(([key, volume]) =>
    volume.external ? [] : [typeof volume.name === 'string' ? volume.name : `${project.name}_${key}`],
  );
}

export function projectDetail(
  project: ComposeProject,
  assignments: Record<string, string[]>,
  berthFiles: ReadonlySet<string>,
): ProjectDetail {
  const all = { ...project.model.services, ...project.disabledServices };
  return {
    name: project.name,
    directory: project.workingDir,
    configFiles: project.configFiles.filter((file) => !berthFiles.has(file)),
    stacks: projectStacks(project, berthFiles),
    services: Object.entries(all)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, service]) => serviceInfo(project, name, service, assignments[name])),
    volumes: ownedVolumes(project),
    hasEnvFile: existsSync(path.join(project.workingDir, '.env')),
    warnings: project.warnings,
  };
}
