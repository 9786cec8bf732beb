/** `berth restart [SERVICE...]`, like `docker compose restart`. */
import { COMPOSE_GLOBAL_FLAGS_USAGE } from '../compose-flags';
import { composeCommand, numberFlag } from './compose-command';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} restart [OPTIONS] [SERVICE...]

Restart the project's containers, in dependency order.

Options:
  -t, --timeout SEC   Seconds to wait for each container to stop before killing it
`;

export const restartCommand = composeCommand({
  name: 'restart',
  usage: USAGE,
  options: { values: { '-t': 'timeout', '--timeout': 'timeout' } },
  async execute(session, options) {
    const project = await session.loadProject(options.positionals);
    await (
      await session.engine()
    ).restart(project, {
      services: options.positionals,
      timeout: numberFlag(options, 'timeout'),
      signal: session.signal,
      onProgress: session.progress.onProgress,
    });
    return 0;
  },
});
