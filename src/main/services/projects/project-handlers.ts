/** The Projects page's operations and the `compose` stream, over the engine connection and Berth's state. */
import type { OperationHandlers } from '../../ipc/core/dispatch';
import type { StreamFactories } from '../../ipc/core/stream-factories';
import type { BerthOverrides } from '../compose/berth-overrides/load-with-overrides';
import { berthFilesOf } from '../compose/berth-overrides/load-with-overrides';
import { ComposeEngine } from '../compose/engine/compose-engine';
import { registryAuthFromDockerConfig } from '../compose/engine/image/registry-auth';
import type { GpuCapabilityCheck } from '../compose/engine/gpu/gpu-preflight';
import type { EngineConnection } from '../docker/engine-connection';
import type { TemplatesService } from '../templates/templates-service';
import { createComposeOperationSource } from './compose-operation-source';
import { readEnvFile, writeEnvFile } from './env-file';
import { ProjectCatalog } from './project-catalog';
import { projectDetail } from './project-detail';
import type { ProjectsStore } from './projects-store';

type ProjectOperations =
  | 'projects.list'
  | 'projects.add'
  | 'projects.remove'
  | 'projects.detail'
  | 'projects.readEnv'
  | 'projects.writeEnv'
  | 'templates.list'
  | 'templates.create';

export interface ProjectServicesOptions {
  connection: EngineConnection;
  env: Record<string, string | undefined>;
  homeDir: string;
  store: ProjectsStore;
  templates: TemplatesService;
  overrides: BerthOverrides;
  gpuCapability(): GpuCapabilityCheck;
}

export function createProjectServices(options: ProjectServicesOptions): {
  handlers: Pick<OperationHandlers, ProjectOperations>;
  compose: StreamFactories['compose'];
} {
  const { connection, store, overrides } = options;
  const catalog = new ProjectCatalog({
    store,
    env: options.env,
    overrides,
    docker: () => (connection.getState().status === 'connected' ? connection.getDocker() : null),
  });
  const registryAuth = registryAuthFromDockerConfig(options.env, options.homeDir);
  const engine = () =>
    new ComposeEngine(connection.getDocker(), { registryAuth, gpuCapability: options.gpuCapability() });

  // Only folders Berth lists may have their .env read or written; a broken compose file must not stop the editor.
  const knownDirectory = (directory: string) => catalog.envDirectoryOf(directory);

  return {
    handlers: {
      'projects.list': () => catalog.list(),
      'projects.add': ({ directory }) => catalog.add(directory),
      'projects.remove': async ({ directory }) => ({ removed: await catalog.remove(directory) }),
      'projects.detail': async ({ project: ref }) => {
        const project = await catalog.load(ref);
        const assignments = await overrides.gpuAssignments.forProject(project.name);
        return projectDetail(project, assignments, berthFilesOf(project, overrides));
      },
      'projects.readEnv': async ({ directory }) => readEnvFile(await knownDirectory(directory)),
      'projects.writeEnv': async ({ project, text }) => {
        await writeEnvFile(await knownDirectory(project.directory), text);
        return { saved: true as const };
      },
      'templates.list': () => options.templates.list(),
      'templates.create': async ({ templateId, directory, gpu }) => {
        const created = await options.templates.create({ templateId, targetDir: directory, gpu });
        return catalog.add(created.directory);
      },
    },
    compose: (input) =>
      createComposeOperationSource({ engine, load: (ref, services) => catalog.load(ref, services) }, input),
  };
}
