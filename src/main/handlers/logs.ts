import type { BerthServices } from '../services/create-services';
import { createLogsSource } from '../services/logs/logs-source';
import { createServiceLogsSource } from '../services/swarm/service-logs-source';
import type { HandlerGroup } from './handler-types';

/** Logs of containers on this engine, or of a swarm service merged across its tasks (which may run on other nodes). */
export function logsHandlers(services: BerthServices): HandlerGroup<never, 'logs'> {
  const { connection } = services;
  return {
    operations: {},
    streams: {
      logs: (input) => {
        const { target, ...rest } = input;
        return target.kind === 'swarm-service'
          ? createServiceLogsSource(connection.getDocker(), { ...rest, service: target.serviceId })
          : createLogsSource(connection, input);
      },
    },
  };
}
