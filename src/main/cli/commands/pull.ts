/** `berth pull [SERVICE...]`, like `docker compose pull`. */
import { COMPOSE_GLOBAL_FLAGS_USAGE } from '../compose-flags';
import { composeCommand } from './compose-command';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} pull [SERVICE...]

Pull the services' images, with per-layer progress; credentials come from ~/.docker/config.json.
`;

export const pullCommand = composeCommand({
  name: 'pull',
  usage: USAGE,
  options: {},
  async execute(session, options) {
    const project = await session.loadProject(options.positionals);
    await (
      await session.engine()
    ).pull(project, {
      services: options.positionals,
      signal: session.signal,
      onProgress: session.progress.onProgress,
    });
    return 0;
  },
});
