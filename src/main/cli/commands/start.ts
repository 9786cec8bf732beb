/** `berth start [SERVICE...]`, like `docker compose start`. */
import { COMPOSE_GLOBAL_FLAGS_USAGE } from '../compose-flags';
import { composeCommand } from './compose-command';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} start [OPTIONS] [SERVICE...]

Start the project's existing, stopped containers, in dependency order, waiting on depends_on conditions.
`;

export const startCommand = composeCommand({
  name: 'start',
  usage: USAGE,
  options: { values: {} },
  async execute(session, options) {
    const project = await session.loadProject(options.positionals);
    await (
      await session.engine()
    ).start(project, {
      services: options.positionals,
      signal: session.signal,
      onProgress: session.progress.onProgress,
    });
    return 0;
  },
});
