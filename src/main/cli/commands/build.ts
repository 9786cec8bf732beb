/** `berth build [SERVICE...]`, like `docker compose build`. */
import { withBuildOverrides } from '../../services/build/build-overrides';
import { COMPOSE_GLOBAL_FLAGS_USAGE } from '../compose-flags';
import { composeCommand, flag } from './compose-command';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} build [OPTIONS] [SERVICE...]

Build the images of services with a build section, with the engine's BuildKit (the classic builder where the
engine has none), through the Engine API.

Options:
      --no-cache   Do not use the build cache
      --pull       Always try to pull newer versions of the base images
  -q, --quiet      Print nothing but errors
`;

export const buildCommand = composeCommand({
  name: 'build',
  usage: USAGE,
  options: { booleans: { '--no-cache': 'no-cache', '--pull': 'pull', '-q': 'quiet', '--quiet': 'quiet' } },
  async execute(session, options) {
    const loaded = await session.loadProject(options.positionals);
    const project = withBuildOverrides(loaded, { noCache: flag(options, 'no-cache'), pull: flag(options, 'pull') });
    await (
      await session.engine()
    ).build(project, {
      services: options.positionals,
      signal: session.signal,
      onProgress: flag(options, 'quiet') ? undefined : session.progress.onProgress,
    });
    return 0;
  },
});
