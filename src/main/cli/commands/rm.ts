/** `berth rm [SERVICE...]`, like `docker compose rm -f` (Berth never prompts). */
import { composeCommand, flag } from './compose-command';

const USAGE = `Usage: berth [-f FILE]... [-p NAME] [--project-directory DIR] [--env-file FILE]... [--profile NAME]... rm [OPTIONS] [SERVICE...]

Remove the project's stopped containers.

Options:
  -s, --stop      Stop running containers first, then remove them too
  -v, --volumes   Also remove the containers' anonymous volumes
  -f, --force     Accepted for compatibility; berth rm never asks
`;

export const rmCommand = composeCommand({
  name: 'rm',
  summary: 'Remove stopped containers of the Compose project',
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
    await session.engine.rm(project, {
      services: options.positionals,
      stop: flag(options, 'stop'),
      removeVolumes: flag(options, 'volumes'),
      signal: session.signal,
      onProgress: session.progress.onProgress,
    });
    return 0;
  },
});
