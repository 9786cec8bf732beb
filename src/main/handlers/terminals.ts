import { BerthError } from '@shared/errors';
import type { BerthServices } from '../services/create-services';
import { startSshHostTerminal } from '../services/terminals/ssh-host-terminal';
import { createTerminalFactory } from '../services/terminals/terminal-factory';
import { createTerminalSource } from '../services/terminals/terminal-source';
import type { HandlerGroup } from './handler-types';

/**
 * Container shells through the exec API; host shells on the engine's host: this machine's for a local (or tcp)
 * engine, an ssh session over the engine's own ssh connection for an ssh engine.
 */
export function terminalsHandlers(services: BerthServices): HandlerGroup<never, 'terminal'> {
  const { connection } = services;
  const local = createTerminalFactory({ engine: connection, env: services.env, homeDir: services.homeDir });
  return {
    operations: {},
    streams: {
      terminal: (input) => {
        if (input.target !== 'host' || connection.getState().endpoint?.kind !== 'ssh') return local(input);
        // Not connected: the stream ends with the engine's reason and fix, rather than a shell on the wrong host.
        return createTerminalSource(async () => {
          const ssh = connection.getClient().ssh;
          if (!ssh) throw new BerthError('E_ENGINE_UNREACHABLE', 'The engine is no longer reached over ssh.');
          return startSshHostTerminal(ssh, input);
        });
      },
    },
  };
}
