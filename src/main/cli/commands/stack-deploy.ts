/** `berth stack deploy`: the Compose project as a Swarm stack, like `docker stack deploy`. */
import { homedir } from 'node:os';
import { registryAuthFromDockerConfig, registryOf } from '../../services/compose/engine/image/registry-auth';
import type { ResolveImageMode } from '../../services/swarm/image-resolution';
import { deployStack } from '../../services/swarm/stack-deploy';
import { parseComposeFlags } from '../compose-flags';
import { loadCliProject } from '../load-cli-project';
import { flag, parseOptions, UsageError } from './compose-command';
import type { StackSession } from './stack-session';
import { describeProgress } from './stack-format';

export const STACK_DEPLOY_USAGE = `Usage: berth stack deploy [OPTIONS] STACK

Deploy the Compose project as a Swarm stack, or update the stack: names, labels and service specs as
\`docker stack deploy\` makes them, so the docker CLI and Berth manage each other's stacks. Before changing
anything it says what Swarm ignores and stops on what can't work; services whose spec is unchanged are left alone.

Options:
  -c, -f, --compose-file FILE   Compose file (repeatable; default: the files docker compose would find)
      --env-file FILE           Environment file (repeatable)
      --profile NAME            Deploy the services of this profile too (repeatable)
      --prune                   Remove services of the stack that the files no longer have
      --resolve-image MODE      Pin images to their registry digest: always (default), changed, never
      --with-registry-auth      Send registry credentials to the swarm nodes
      --images-preloaded        Every node has the images already: don't require them in a registry
  -d, --detach                  Return once the services are created or updated (default)
      --detach=false, --wait    Wait until every service runs its tasks
      --wait-timeout SEC        Give up waiting after SEC seconds (default 300)
  -q, --quiet                   Print only errors
`;

/** The docker CLI's spellings: `-c` for the file, `--detach=false` for waiting. */
const DEPLOY_ALIASES: Record<string, string> = {
  '-c': '-f',
  '--compose-file': '-f',
  '--detach=false': '--wait',
  '--detach=true': '--detach',
};

export async function stackDeploy(args: string[], session: StackSession): Promise<number> {
  const { context } = session;
  const normalized = args.map((arg) => DEPLOY_ALIASES[arg] ?? arg.replace(/^--compose-file=/, '--file='));
  const { flags: loadFlags, rest } = parseComposeFlags(normalized);
  const options = parseOptions(rest, {
    booleans: {
      '--prune': 'prune',
      '--with-registry-auth': 'registryAuth',
      '--images-preloaded': 'imagesPreloaded',
      '-d': 'detach',
      '--detach': 'detach',
      '--wait': 'wait',
      '-q': 'quiet',
      '--quiet': 'quiet',
    },
    values: { '--resolve-image': 'resolveImage', '--wait-timeout': 'waitTimeout' },
  });
  const [stack, ...extra] = options.positionals;
  if (!stack || extra.length) throw new UsageError('deploy needs exactly one STACK name');
  if (loadFlags.projectName) throw new UsageError('the stack name is the project name; -p is not accepted');
  const resolveImage = String(options.flags.resolveImage ?? 'always');
  if (!['always', 'changed', 'never'].includes(resolveImage))
    throw new UsageError(`invalid --resolve-image: ${resolveImage}`);
  const wait = flag(options, 'wait');
  const waitTimeout = options.flags.waitTimeout === undefined ? undefined : Number(options.flags.waitTimeout);
  if (waitTimeout !== undefined && !(waitTimeout > 0)) throw new UsageError('--wait-timeout needs a number of seconds');

  const project = await loadCliProject(context, loadFlags);
  const quiet = flag(options, 'quiet');
  const lookup = registryAuthFromDockerConfig(context.env, context.env.HOME || homedir());
  const result = await deployStack(session.docker, project, {
    stack,
    resolveImage: resolveImage as ResolveImageMode,
    prune: flag(options, 'prune'),
    imagesPreloaded: flag(options, 'imagesPreloaded'),
    wait,
    waitTimeoutMs: waitTimeout === undefined ? undefined : waitTimeout * 1000,
    registryAuth: flag(options, 'registryAuth')
      ? async (image) => {
          const auth = await lookup(registryOf(image));
          return auth ? Buffer.from(JSON.stringify(auth)).toString('base64url') : undefined;
        }
      : undefined,
    signal: session.signal,
    onProgress: (event) => {
      if (quiet) return;
      const line = describeProgress(event);
      if (line === null) return;
      (event.type === 'finding' || event.type === 'warning' ? context.stderr : context.stdout).write(`${line}\n`);
    },
  });
  if (!quiet && result.changed === 0) context.stdout.write(`Stack ${stack} is up to date\n`);
  return 0;
}
