/** `berth build [SERVICE...]`, like `docker compose build`. */
import { composeCommand } from './compose-command';

const USAGE = `Usage: berth [-f FILE]... [-p NAME] [--project-directory DIR] [--env-file FILE]... [--profile NAME]... build [SERVICE...]

Build the images of services with a build section, through the engine's build API.
`;

export const buildCommand = composeCommand({
  name: 'build',
  summary: 'Build the images of the Compose project',
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
