import type { BerthServices } from '../services/create-services';
import { createLogsSource } from '../services/logs/logs-source';
import { createServiceLogsSource } from '../services/swarm/service-logs-source';
import type { HandlerGroup } from './handler-types';

/**
 * Logs of containers on this engine, or of a swarm service merged across its tasks (which may run on other nodes).
 */
export function logsHandlers(services: BerthServices): HandlerGroup<never, 'logs'> {
  const { connection, scopes } = services;
  return {
    operations: {},
    streams: {
      // Logs are of one engine's containers: a switch to another engine ends them, saying so.
      logs: (input) => {
        const { target, ...rest } = input;
        const source =
          target.kind === 'swarm-service'
            ? createServiceLogsSource(connection.getDocker(), { ...rest, service: target.serviceId })
            : createLogsSource(connection, input);
        return scopes.current().own(source);
      },
    },
  };
}
