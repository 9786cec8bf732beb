import type { BerthServices } from '../services/create-services';
import { appHandlers } from './app';
import { clusterHandlers } from './cluster';
import { containersHandlers } from './containers';
import type { Desktop } from './desktop';
import { diskHandlers } from './disk';
import { engineHandlers } from './engine';
import { enginesHandlers } from './engines';
import { gpusHandlers } from './gpus';
import type { OperationHandlers, StreamFactories } from './handler-types';
import { logsHandlers } from './logs';
import { projectsHandlers } from './projects';
import { statsHandlers } from './stats';
import { templatesHandlers } from './templates';
import { terminalsHandlers } from './terminals';
import { volumesHandlers } from './volumes';

export interface Handlers {
  operations: OperationHandlers;
  streams: StreamFactories;
}

/** Every operation and stream of the contract, one group per domain; the compiler checks that none is missing. */
export function createHandlers(services: BerthServices, desktop: Desktop): Handlers {
  const app = appHandlers(desktop);
  const engine = engineHandlers(services);
  const containers = containersHandlers(services);
  const gpus = gpusHandlers(services);
  const projects = projectsHandlers(services, desktop);
  const templates = templatesHandlers(services);
  const volumes = volumesHandlers(services, desktop);
  const terminals = terminalsHandlers(services);
  const logs = logsHandlers(services);
  const stats = statsHandlers(services, desktop);
  const disk = diskHandlers(services, desktop);
  const engines = enginesHandlers(services, desktop);
  const cluster = clusterHandlers(services, desktop);
  return {
    operations: {
      ...app.operations,
      ...engine.operations,
      ...containers.operations,
      ...gpus.operations,
      ...projects.operations,
      ...templates.operations,
      ...volumes.operations,
      ...stats.operations,
      ...disk.operations,
      ...engines.operations,
      ...cluster.operations,
    },
    streams: {
      ...engine.streams,
      ...gpus.streams,
      ...projects.streams,
      ...volumes.streams,
      ...terminals.streams,
      ...logs.streams,
      ...stats.streams,
      ...disk.streams,
      ...engines.streams,
      ...cluster.streams,
    },
  };
}
