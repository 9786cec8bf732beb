/** `berth down`: stop and remove the project's containers and networks, like `docker compose down`. */
import { COMPOSE_GLOBAL_FLAGS_USAGE } from '../compose-flags';
import { BerthError } from '@shared/errors';
import { projectByName } from '../../services/compose/engine/project-by-name';
import { composeCommand, flag, numberFlag } from './compose-command';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} down [OPTIONS]

Stop and remove the project's containers (dependents first) and its networks. Named volumes stay unless -v.
With -p NAME and no Compose file, removes what carries the project's labels.

Options:
  -v, --volumes          Also remove the project's named volumes and the containers' anonymous volumes
      --remove-orphans   Also remove containers of services no longer in the Compose files
  -t, --timeout SEC      Seconds to wait for each container to stop before killing it
`;

export const downCommand = composeCommand({
  name: 'down',
  usage: USAGE,
  options: {
    booleans: { '-v': 'volumes', '--volumes': 'volumes', '--remove-orphans': 'removeOrphans' },
    values: { '-t': 'timeout', '--timeout': 'timeout' },
  },
  async execute(session, options) {
    const loaded = await session.loadProject().catch((error: unknown) => {
      const noFiles = error instanceof BerthError && error.code === 'E_COMPOSE_FILE' && !session.flags.files?.length;
      if (noFiles && session.flags.projectName) return null;
      throw error;
    });
    const project = loaded ?? projectByName(session.flags.projectName!);
    await (
      await session.engine()
    ).down(project, {
      byLabels: loaded === null,
      removeVolumes: flag(options, 'volumes'),
      removeOrphans: flag(options, 'removeOrphans'),
      timeout: numberFlag(options, 'timeout'),
      signal: session.signal,
      onProgress: session.progress.onProgress,
    });
    return 0;
  },
});
