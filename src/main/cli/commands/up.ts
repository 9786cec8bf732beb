/** `berth up`: create and start the project's containers, like `docker compose up -d`. */
import { COMPOSE_GLOBAL_FLAGS_USAGE } from '../compose-flags';
import type { PullPolicy } from '../../services/compose/engine/plan/plan-up';
import { composeCommand, flag, numberFlag, UsageError } from './compose-command';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} up [OPTIONS] [SERVICE...]

Create and start the project's containers (always detached, like \`docker compose up -d\`): networks and volumes
first, then each service once what it depends on is started, healthy or completed, as depends_on says.

Options:
      --wait               Wait until every container is running and healthy (or exited 0)
      --wait-timeout SEC   Give up waiting after SEC seconds
      --force-recreate     Recreate containers even if nothing changed
      --no-recreate        Keep existing containers even if their configuration changed
      --remove-orphans     Remove containers of services no longer in the Compose files
      --pull POLICY        Pull images: always, missing (default), never
      --build              Build images of services with a build section before starting
      --without-gpu        Run the services that request GPUs without them (through Berth's own override file)
  -d, --detach             Accepted for compatibility; berth up always detaches
`;

export const upCommand = composeCommand({
  name: 'up',
  usage: USAGE,
  options: {
    booleans: {
      '--wait': 'wait',
      '--force-recreate': 'forceRecreate',
      '--no-recreate': 'noRecreate',
      '--remove-orphans': 'removeOrphans',
      '--build': 'build',
      '--without-gpu': 'withoutGpu',
      '-d': 'detach',
      '--detach': 'detach',
    },
    values: { '--wait-timeout': 'waitTimeout', '--pull': 'pull' },
  },
  async execute(session, options) {
    const services = options.positionals;
    let project = await session.loadProject(services);
    const pull = options.flags.pull;
    if (pull !== undefined && !['always', 'missing', 'never'].includes(String(pull)))
      throw new UsageError(`invalid --pull policy: ${String(pull)}`);
    if (flag(options, 'withoutGpu')) {
      const withoutGpus = (await session.runner()).withoutGpus(project, services);
      project = withoutGpus.project;
      if (withoutGpus.overridePath) {
        session.context.stderr.write(
          `Running ${withoutGpus.gpuServices.join(', ')} without GPUs (override: ${withoutGpus.overridePath})\n`,
        );
      }
    }
    const waitTimeout = numberFlag(options, 'waitTimeout');
    await (
      await session.engine()
    ).up(project, {
      services,
      recreate: flag(options, 'forceRecreate') ? 'force' : flag(options, 'noRecreate') ? 'never' : 'diverged',
      removeOrphans: flag(options, 'removeOrphans'),
      pull: flag(options, 'build') ? 'build' : (pull as PullPolicy | undefined),
      wait: flag(options, 'wait'),
      waitTimeoutMs: waitTimeout === undefined ? undefined : waitTimeout * 1000,
      signal: session.signal,
      onProgress: session.progress.onProgress,
    });
    return 0;
  },
});
