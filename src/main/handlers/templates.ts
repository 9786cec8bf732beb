import type { BerthServices } from '../services/create-services';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function templatesHandlers(services: BerthServices): HandlerGroup<OperationsOf<'templates'>> {
  return {
    operations: {
      'templates.list': () => services.templates.list(),
      'templates.create': async ({ templateId, directory, gpu }) => {
        const created = await services.templates.create({ templateId, targetDir: directory, gpu });
        return services.catalog.add(created.directory);
      },
    },
    streams: {},
  };
}
