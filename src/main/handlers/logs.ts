import type { BerthServices } from '../services/create-services';
import { createLogsSource } from '../services/logs/logs-source';
import type { HandlerGroup } from './handler-types';

export function logsHandlers(services: BerthServices): HandlerGroup<never, 'logs'> {
  return { operations: {}, streams: { logs: (input) => createLogsSource(services.connection, input) } };
}
