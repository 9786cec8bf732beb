import { ProjectCatalog } from '../services/projects/project-catalog';
import { ProjectsStore } from '../services/projects/projects-store';
import { cliComposeRunner } from './cli-compose-runner';
import type { CliEngine } from './cli-engine';
import { cliStateDir } from './cli-state-dir';
import type { CliContext } from './command';

/** The projects the app shows (saved ones and those found on the engine), for a command line. */
export function cliCatalog(context: CliContext, engine: CliEngine): ProjectCatalog {
  return new ProjectCatalog({
    store: new ProjectsStore(cliStateDir(context)),
    env: context.env,
    runner: cliComposeRunner(context, engine),
    docker: () => engine.docker,
  });
}
