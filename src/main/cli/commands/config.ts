/** `berth config`: loads the Compose project like `docker compose config` and prints it (JSON), or lists services/profiles. */
import { dependencyOrder } from '../../services/compose/engine/plan/dependency-graph';
import { declaredProfiles } from '../../services/compose/profiles/profiles';
import { toComposeConfigJson } from '../../services/compose/model/serialize';
import { describeCliError, formatCliError } from '../cli-errors';
import type { CliCommand, CliContext } from '../command';
import { ComposeFlagError, parseComposeFlags, COMPOSE_GLOBAL_FLAGS_USAGE } from '../compose-flags';
import { EXIT_CODES_HELP, exitCodeFor } from '../exit-codes';
import { loadCliProject } from '../load-cli-project';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} config [OPTIONS] [SERVICE...]

Parse, resolve and render the Compose project in canonical JSON, as \`docker compose config --format json\` does.

Options:
      --format json   Output format (only json is supported)
      --services      Print the service names, one per line
      --profiles      Print the profile names, one per line
  -q, --quiet         Only validate the configuration, print nothing

${EXIT_CODES_HELP}`;

interface ConfigArgs {
  services: string[];
  listServices: boolean;
  listProfiles: boolean;
  quiet: boolean;
}

class UsageError extends Error {}

export const configCommand: CliCommand = {
  name: 'config',
  usage: USAGE,
  async run(args: string[], context: CliContext): Promise<number> {
    let parsed: ReturnType<typeof parseComposeFlags>;
    let options: ConfigArgs;
    try {
      parsed = parseComposeFlags(args);
      options = parseConfigArgs(parsed.rest);
    } catch (error) {
      if (error instanceof ComposeFlagError || error instanceof UsageError) {
        context.stderr.write(`${error.message}\n\n${USAGE}`);
        return 2;
      }
      throw error;
    }
    try {
      // With the GPUs pinned in the app: the configuration Berth runs, as `docker compose -f … -f <override>` shows it.
      const project = await loadCliProject(context, { ...parsed.flags, services: options.services });
      if (options.quiet) return 0;
      if (options.listServices) {
        // In dependency order, as Compose prints them.
        context.stdout.write(
          dependencyOrder(project.model)
            .map((name) => `${name}\n`)
            .join(''),
        );
      } else if (options.listProfiles) {
        const all = { ...project.model.services, ...project.disabledServices };
        context.stdout.write(
          declaredProfiles(all)
            .map((name) => `${name}\n`)
            .join(''),
        );
      } else {
        context.stdout.write(`${toComposeConfigJson(project.model)}\n`);
      }
      return 0;
    } catch (error) {
      context.stderr.write(formatCliError(describeCliError(error, null)));
      return exitCodeFor(error);
    }
  },
};

function parseConfigArgs(rest: readonly string[]): ConfigArgs {
  const options: ConfigArgs = { services: [], listServices: false, listProfiles: false, quiet: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--services') options.listServices = true;
    else if (arg === '--profiles') options.listProfiles = true;
    else if (arg === '-q' || arg === '--quiet') options.quiet = true;
    else if (arg === '--format') {
      const format = rest[++i];
      if (format !== 'json')
        throw new UsageError(`unsupported format ${JSON.stringify(format ?? '')}: only json is supported`);
    } else if (arg === '--format=json') continue;
    else if (arg.startsWith('-')) throw new UsageError(`unknown flag: ${arg}`);
    else options.services.push(arg);
  }
  return options;
}
