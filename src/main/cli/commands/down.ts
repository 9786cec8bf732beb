/** `berth down`: stop and remove the project's containers and networks, like `docker compose down`. */
import { composeCommand, flag, numberFlag } from './compose-command';

const USAGE = `Usage: berth [-f FILE]... [-p NAME] [--project-directory DIR] [--env-file FILE]... [--profile NAME]... down [OPTIONS]

Stop and remove the project's containers (dependents first) and its networks. Named volumes stay unless -v.

Options:
  -v, --volumes          Also remove the project's named volumes and the containers' anonymous volumes
      --remove-orphans   Also remove containers of services no longer in the Compose files
  -t, --timeout SEC      Seconds to wait for each container to stop before killing it
`;

export const downCommand = composeCommand({
  name: 'down',
  summary: 'Stop and remove the Compose project',
  usage: USAGE,
  options: {
    booleans: { '-v': 'volumes', '--volumes': 'volumes', '--remove-orphans': 'removeOrphans' },
    values: { '-t': 'timeout', '--timeout': 'timeout' },
  },
  async execute(session, options) {
    const project = await session.loadProject();
    await session.engine.down(project, {
      removeVolumes: flag(options, 'volumes'),
      removeOrphans: flag(options, 'removeOrphans'),
      timeout: numberFlag(options, 'timeout'),
      signal: session.signal,
      onProgress: session.progress.onProgress,
    });
    return 0;
  },
});
