/** `berth rm [SERVICE...]`, like `docker compose rm -f` (Berth never prompts). */
import { COMPOSE_GLOBAL_FLAGS_USAGE } from '../compose-flags';
import { composeCommand, flag } from './compose-command';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} rm [OPTIONS] [SERVICE...]

Remove the project's stopped containers.

Options:
  -s, --stop      Stop running containers first, then remove them too
  -v, --volumes   Also remove the containers' anonymous volumes
  -f, --force     Accepted for compatibility; berth rm never asks
`;

export const rmCommand = composeCommand({
  name: 'rm',
  usage: USAGE,
  options: {
    booleans: {
      '-s': 'stop',
      '--stop': 'stop',
      '-v': 'volumes',
      '--volumes': 'volumes',
      '-f': 'force',
      '--force': 'force',
    },
  },
  async execute(session, options) {
    const project = await session.loadProject(options.positionals);
    await (
      await session.engine()
    ).rm(project, {
      services: options.positionals,
      stop: flag(options, 'stop'),
      removeVolumes: flag(options, 'volumes'),
      signal: session.signal,
      onProgress: session.progress.onProgress,
    });
    return 0;
  },
});
