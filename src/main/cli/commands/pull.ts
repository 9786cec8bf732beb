/** `berth pull [SERVICE...]`, like `docker compose pull`. */
import { composeCommand } from './compose-command';

const USAGE = `Usage: berth [-f FILE]... [-p NAME] [--project-directory DIR] [--env-file FILE]... [--profile NAME]... pull [SERVICE...]

Pull the services' images, with per-layer progress; credentials come from ~/.docker/config.json.
`;

export const pullCommand = composeCommand({
  name: 'pull',
  summary: 'Pull the images of the Compose project',
  usage: USAGE,
  options: {},
  async execute(session, options) {
    const project = await session.loadProject(options.positionals);
    await session.engine.pull(project, {
      services: options.positionals,
      signal: session.signal,
      onProgress: session.progress.onProgress,
    });
    return 0;
  },
});
