/**
 * `berth stack`: Swarm stacks, like `docker stack` — deploy, ls, ps, services, rm — plus scale, rollback and logs
 * of a stack's services. Talks to the engine the docker CLI would (a swarm manager).
 */
import { BerthError } from '@shared/errors';
import { listStacks, listStackServices, listStackTasks } from '../../services/swarm/cluster-queries';
import { rollbackService, scaleService } from '../../services/swarm/service-actions';
import { ServiceLogsSession } from '../../services/swarm/service-logs-session';
import { removeStack } from '../../services/swarm/stack-teardown';
import type { CliCommand } from '../command';
import { cliEngine } from '../cli-engine';
import { describeCliError, formatCliError } from '../cli-errors';
import { ComposeFlagError } from '../compose-flags';
import { EXIT_CODES, exitCodeFor } from '../exit-codes';
import { flag, numberFlag, parseOptions, UsageError, type ParsedOptions } from './compose-command';
import { LogPrinter } from './logs-printer';
import { stackDeploy, STACK_DEPLOY_USAGE } from './stack-deploy';
import { describeProgress, servicesTable, stacksTable, tasksTable } from './stack-format';
import type { StackSession } from './stack-session';

interface Subcommand {
  usage: string;
  run(args: string[], session: StackSession): Promise<number>;
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  deploy: { usage: STACK_DEPLOY_USAGE, run: stackDeploy },
  ls: {
    usage: `Usage: berth stack ls [--json]\n\nList the stacks of the swarm (Berth's and the docker CLI's).\n`,
    async run(args, session) {
      const options = parse(args, { booleans: { '--json': 'json' } }, 0);
      const stacks = await listStacks(session.docker);
      write(session, options, stacks, () => stacksTable(stacks));
      return 0;
    },
  },
  services: {
    usage: `Usage: berth stack services [--json] STACK\n\nList the services of a stack with their running/desired tasks and update state.\n`,
    async run(args, session) {
      const options = parse(args, { booleans: { '--json': 'json' } }, 1);
      const services = await listStackServices(session.docker, options.positionals[0]);
      write(session, options, services, () => servicesTable(services));
      return 0;
    },
  },
  ps: {
    usage: `Usage: berth stack ps [OPTIONS] STACK

List the tasks of a stack: node, desired and current state, and the error of a task that failed.

Options:
      --json                          Print the tasks as JSON
      --no-trunc                      Don't shorten ids and errors
      --filter desired-state=running  Only the tasks meant to run
`,
    async run(args, session) {
      const options = parse(
        args,
        { booleans: { '--json': 'json', '--no-trunc': 'noTrunc' }, values: { '--filter': 'filter' } },
        1,
      );
      const filter = options.flags.filter;
      if (filter !== undefined && filter !== 'desired-state=running')
        throw new UsageError(`unsupported filter: ${String(filter)}`);
      const tasks = await listStackTasks(session.docker, {
        stack: options.positionals[0],
        runningOnly: filter !== undefined,
      });
      write(session, options, tasks, () => tasksTable(tasks, { noTrunc: flag(options, 'noTrunc') }));
      return 0;
    },
  },
  rm: {
    usage: `Usage: berth stack rm [OPTIONS] STACK...

Remove stacks: their services, then (once the tasks are gone) their secrets, configs and networks.

Options:
  -d, --detach   Don't wait for the tasks to stop (networks still in use then stay)
`,
    async run(args, session) {
      const options = parse(args, { booleans: { '-d': 'detach', '--detach': 'detach' } }, -1);
      let code = 0;
      for (const stack of options.positionals) {
        try {
          await removeStack(session.docker, stack, {
            wait: !flag(options, 'detach'),
            signal: session.signal,
            onProgress: (event) => {
              const line = describeProgress(event);
              if (line) session.context.stdout.write(`${line}\n`);
            },
          });
        } catch (error) {
          if (!(error instanceof BerthError && error.code === 'E_NOT_FOUND')) throw error;
          session.context.stderr.write(`${error.message}\n`);
          code = EXIT_CODES.failure;
        }
      }
      return code;
    },
  },
  scale: {
    usage: `Usage: berth stack scale SERVICE=REPLICAS...\n\nSet the number of tasks of replicated services (named <stack>_<service>), like docker service scale.\n`,
    async run(args, session) {
      const options = parse(args, {}, -1);
      const requests = options.positionals.map((arg) => {
        const match = /^(.+)=(\d+)$/.exec(arg);
        if (!match) throw new UsageError(`invalid scale specifier "${arg}": use SERVICE=REPLICAS`);
        return { service: match[1]!, replicas: Number(match[2]) };
      });
      for (const { service, replicas } of requests) {
        const scaled = await scaleService(session.docker, service, replicas);
        session.context.stdout.write(`${scaled.Spec.Name} scaled to ${replicas}\n`);
      }
      return 0;
    },
  },
  rollback: {
    usage: `Usage: berth stack rollback SERVICE\n\nRoll a service (<stack>_<service>) back to its spec before the last update, like docker service rollback.\n`,
    async run(args, session) {
      const options = parse(args, {}, 1);
      const service = await rollbackService(session.docker, options.positionals[0]!);
      session.context.stdout.write(`${service.Spec.Name} rolled back\n`);
      return 0;
    },
  },
  logs: {
    usage: `Usage: berth stack logs [OPTIONS] SERVICE

Show the logs of a service (<stack>_<service>), merged across its tasks, each line prefixed with its task.

Options:
  -f, --follow         Follow the logs
  -n, --tail N         Lines from the end of the logs (default: all)
  -t, --timestamps     Show timestamps
      --since TIME     Since a time (RFC 3339, UNIX time) or a duration back from now (10m)
      --no-log-prefix  Don't prefix lines with the task
`,
    async run(args, session) {
      const options = parse(
        args,
        {
          booleans: {
            '-f': 'follow',
            '--follow': 'follow',
            '-t': 'timestamps',
            '--timestamps': 'timestamps',
            '--no-log-prefix': 'noPrefix',
          },
          values: { '-n': 'tail', '--tail': 'tail', '--since': 'since' },
        },
        1,
      );
      const tail =
        options.flags.tail === undefined || options.flags.tail === 'all' ? 'all' : numberFlag(options, 'tail')!;
      const printer = new LogPrinter({
        prefix: !flag(options, 'noPrefix'),
        timestamps: flag(options, 'timestamps'),
        color: session.context.isTty,
      });
      return new Promise<number>((resolve, reject) => {
        const logs = new ServiceLogsSession(
          {
            docker: session.docker,
            service: options.positionals[0]!,
            tail,
            since: options.flags.since as string | undefined,
            follow: flag(options, 'follow'),
          },
          {
            sources: (sources) => printer.setSources(sources),
            lines: (lines) => session.context.stdout.write(printer.format(lines)),
            caughtUp: () => {},
            end: (error) => (error ? reject(error) : resolve(0)),
          },
        );
        session.signal.addEventListener('abort', () => {
          logs.dispose();
          resolve(0);
        });
        logs.start();
      });
    },
  },
};

const USAGE = `Usage: berth stack COMMAND

Manage Swarm stacks on the swarm manager Berth talks to (DOCKER_HOST, a docker context…).

Commands:
  deploy     Deploy a new stack or update an existing one from the Compose files
  ls         List stacks
  ps         List the tasks of a stack
  services   List the services of a stack
  rm         Remove one or more stacks
  scale      Scale services of a stack
  rollback   Roll a service back to its previous spec
  logs       Show the logs of a service, merged across its tasks

Run \`berth stack COMMAND --help\` for more.
`;

export const stackCommand: CliCommand = {
  name: 'stack',
  usage: USAGE,
  async run(args, context) {
    const [name, ...rest] = args;
    if (name === undefined || name === '--help' || name === '-h') {
      (name ? context.stdout : context.stderr).write(USAGE);
      return name ? 0 : EXIT_CODES.usage;
    }
    const subcommand = SUBCOMMANDS[name];
    if (!subcommand) {
      context.stderr.write(`berth stack: unknown command "${name}"\n\n${USAGE}`);
      return EXIT_CODES.usage;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      context.stdout.write(subcommand.usage);
      return 0;
    }
    const controller = new AbortController();
    const onInterrupt = () =>
      controller.abort(new BerthError('E_CANCELLED', `berth stack ${name} was cancelled (Ctrl-C).`));
    process.once('SIGINT', onInterrupt);
    let endpoint = null;
    try {
      const engine = cliEngine(context);
      endpoint = engine.endpoint;
      return await subcommand.run(rest, { context, docker: engine.docker, signal: controller.signal });
    } catch (error) {
      if (error instanceof UsageError || error instanceof ComposeFlagError) {
        context.stderr.write(`berth stack ${name}: ${error.message}\n\n${subcommand.usage}`);
        return EXIT_CODES.usage;
      }
      context.stderr.write(formatCliError(describeCliError(error, endpoint), `berth stack ${name}: `));
      return exitCodeFor(error);
    } finally {
      process.removeListener('SIGINT', onInterrupt);
    }
  },
};

/** Parses a subcommand's options; `positionals` is how many operands it takes (-1: one or more). */
function parse(args: string[], spec: Parameters<typeof parseOptions>[1], positionals: number): ParsedOptions {
  const options = parseOptions(args, spec);
  const count = options.positionals.length;
  if (positionals === -1 ? count === 0 : count !== positionals) {
    throw new UsageError(
      positionals === 0 ? `unexpected argument: ${options.positionals[0]}` : 'wrong number of arguments',
    );
  }
  return options;
}

function write(session: StackSession, options: ParsedOptions, value: unknown, table: () => string): void {
  session.context.stdout.write(flag(options, 'json') ? `${JSON.stringify(value, null, 2)}\n` : table());
}
