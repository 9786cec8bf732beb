/** `berth build [SERVICE...]`, like `docker compose build`. */
import { COMPOSE_GLOBAL_FLAGS_USAGE } from '../compose-flags';
import { composeCommand } from './compose-command';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} build [SERVICE...]

Build the images of services with a build section, through the engine's build API.
`;

export const buildCommand = composeCommand({
  name: 'build',
  usage: USAGE,
  options: {},
  async execute(session, options) {
    const project = await session.loadProject(options.positionals);
    await session.engine.build(project, {
      services: options.positionals,
      signal: session.signal,
      onProgress: session.progress.onProgress,
    });
    return 0;
  },
});
