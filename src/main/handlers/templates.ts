import path from 'node:path';
import { BerthError } from '@shared/errors';
import type { BerthServices } from '../services/create-services';
import { normalizeProjectName } from '../services/compose/load/project-name';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function templatesHandlers(services: BerthServices): HandlerGroup<OperationsOf<'templates'>> {
  return {
    operations: {
      'templates.list': () => services.templates.list(),
      'templates.create': async ({ templateId, directory, gpu }) => {
        const targetDir = directory.startsWith('~/') ? path.join(services.homeDir, directory.slice(2)) : directory;
        await refuseNameInUse(services, targetDir);
        const created = await services.templates.create({ templateId, targetDir, gpu });
        return services.catalog.add(created.directory);
      },
    },
    streams: {},
  };
}

/**
 * A project is named after its folder. Two projects of one name on one engine would share containers, networks and
 * ports, so a name already in use stops the creation, with a free name to offer instead.
 */
async function refuseNameInUse(services: BerthServices, targetDir: string): Promise<void> {
  const name = normalizeProjectName(path.basename(targetDir));
  const projects = await services.catalog.list();
  const taken = new Set(projects.map((project) => project.name));
  const holder = projects.find((project) => project.name === name && project.directory !== path.resolve(targetDir));
  if (!holder) return;
  let suffix = 2;
  while (taken.has(`${name}-${suffix}`)) suffix++;
  const suggestedDirectory = path.join(path.dirname(targetDir), `${path.basename(targetDir)}-${suffix}`);
  throw new BerthError(
    'E_INVALID_INPUT',
    `A project named "${name}" already exists${holder.directory ? ` (in ${holder.directory})` : ' on the engine'}.`,
    {
      fix: `Projects are named after their folder: pick another folder name, such as ${path.basename(suggestedDirectory)}.`,
      details: { conflict: name, suggestedDirectory },
    },
  );
}
