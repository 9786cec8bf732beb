/** `berth stop [SERVICE...]`, like `docker compose stop`. */
import { COMPOSE_GLOBAL_FLAGS_USAGE } from '../compose-flags';
import { composeCommand, numberFlag } from './compose-command';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} stop [OPTIONS] [SERVICE...]

Stop the project's running containers, dependents first.

Options:
  -t, --timeout SEC   Seconds to wait for each container to stop before killing it
`;

export const stopCommand = composeCommand({
  name: 'stop',
  usage: USAGE,
  options: { values: { '-t': 'timeout', '--timeout': 'timeout' } },
  async execute(session, options) {
    const project = await session.loadProject(options.positionals);
    await (
      await session.engine()
    ).stop(project, {
      services: options.positionals,
      timeout: numberFlag(options, 'timeout'),
      signal: session.signal,
      onProgress: session.progress.onProgress,
    });
    return 0;
  },
});
