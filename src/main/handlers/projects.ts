import type { BerthServices } from '../services/create-services';
import { berthFilesOf } from '../services/compose/berth-overrides/load-with-overrides';
import { createWatchSource } from '../services/watch/watch-source';
import { createComposeOperationSource } from '../services/projects/compose-operation-source';
import { readEnvFile, writeEnvFile } from '../services/projects/env-file';
import { projectDetail } from '../services/projects/project-detail';
import type { Desktop } from './desktop';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function projectsHandlers(
  services: BerthServices,
  desktop: Desktop,
): HandlerGroup<OperationsOf<'projects'>, 'compose' | 'watch'> {
  const { catalog, composeRunner, gpuAssignments } = services;
  // Only folders Berth lists may have their .env read or written; a broken compose file must not stop the editor.
  const knownDirectory = (directory: string) => catalog.envDirectoryOf(directory);
  return {
    operations: {
      'projects.list': () => catalog.list(),
      'projects.pickFolder': async ({ purpose }) => ({ directory: await desktop.pickFolder(purpose) }),
      'projects.add': ({ directory }) => catalog.add(directory),
      'projects.remove': async ({ directory }) => ({ removed: await catalog.remove(directory) }),
      'projects.detail': async ({ project: ref }) => {
        const project = await catalog.load(ref);
        const assignments = await gpuAssignments.forProject(project.name);
        return projectDetail(project, assignments, berthFilesOf(project, composeRunner.overrides));
      },
      'projects.readEnv': async ({ directory }) => readEnvFile(await knownDirectory(directory)),
      'projects.writeEnv': async ({ project, text }) => {
        await writeEnvFile(await knownDirectory(project.directory), text);
        return { saved: true as const };
      },
    },
    streams: {
      compose: (input) =>
        createComposeOperationSource(
          {
            engine: () => composeRunner.engine(),
            load: (ref, selected) => catalog.load(ref, selected),
            withoutGpus: (project, selected) => composeRunner.withoutGpus(project, selected),
          },
          input,
        ),
      watch: ({ project: ref, services: selected, initialSync }) =>
        createWatchSource(
          { docker: services.connection.getDocker(), engine: composeRunner.engine() },
          { load: () => catalog.load(ref, selected ?? []), services: selected, initialSync },
        ),
    },
  };
}
