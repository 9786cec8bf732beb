import { listContainers } from '../services/containers/containers-service';
import { jupyterToken } from '../services/containers/jupyter-token';
import type { BerthServices } from '../services/create-services';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function containersHandlers(services: BerthServices): HandlerGroup<OperationsOf<'containers'>> {
  const docker = () => services.connection.getDocker();
  return {
    operations: {
      'containers.list': () => listContainers(docker()),
      'containers.jupyterToken': async ({ id }) => ({ token: await jupyterToken(docker(), id) }),
    },
    streams: {},
  };
}
