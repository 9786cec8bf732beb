import type Docker from 'dockerode';
import type { TerminalMessage, TerminalOpenInput } from '@shared/schemas/terminal';
import type { StreamSource } from '../streams/stream-source';
import { containerTerminal } from './container-terminal';
import { startHostTerminal } from './host-terminal';
import { openContainerShell, type ShellCache } from './open-container-shell';
import { createTerminalSource } from './terminal-source';

export interface TerminalFactoryOptions {
  /** The connected engine's client; throws with the reason and the fix when there is none. */
  engine: { getDocker(): Docker };
  env: NodeJS.ProcessEnv;
  homeDir: string;
}

/** The `terminal` stream factory: container shells through the exec API, host shells through node-pty. */
export function createTerminalFactory(
  options: TerminalFactoryOptions,
): (input: TerminalOpenInput) => StreamSource<TerminalMessage> {
  const shells: ShellCache = new Map();
  return (input) =>
    createTerminalSource(async () => {
      if (input.target === 'host') return startHostTerminal(input, options);
      const shell = await openContainerShell(options.engine.getDocker(), input, shells);
      const process = containerTerminal(shell);
      process.resize(input.cols, input.rows);
      return process;
    });
}
