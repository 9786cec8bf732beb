import type { BerthServices } from '../services/create-services';
import { createTerminalFactory } from '../services/terminals/terminal-factory';
import type { HandlerGroup } from './handler-types';

export function terminalsHandlers(services: BerthServices): HandlerGroup<never, 'terminal'> {
  const terminal = createTerminalFactory({ engine: services.connection, env: services.env, homeDir: services.homeDir });
  return { operations: {}, streams: { terminal } };
}
