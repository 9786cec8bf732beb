import { homedir } from 'node:os';
import { toErrorPayload } from '@shared/errors';
import type { LogMarker, LogTarget } from '@shared/schemas/logs';
import { loadProject } from '../../services/compose/load';
import { EngineConnection } from '../../services/docker/engine-connection';
import type { EngineWatch } from '../../services/docker/engine-watch';
import { LogsSession } from '../../services/logs/logs-session';
import type { CliCommand, CliContext } from '../command';
import { ComposeFlagError, parseComposeFlags } from '../compose-flags';
import { LogsUsageError, parseLogsArgs, type LogsArgs } from './logs-args';
import { LogPrinter } from './logs-printer';

const USAGE = `Usage: berth [-f FILE]... [-p NAME] [--project-directory DIR] [--env-file FILE]... logs [OPTIONS] [SERVICE...]

Show the logs of the project's containers, merged by time as \`docker compose logs\` does. With -f, keep following:
through container restarts, recreated containers and an engine restart, without losing or repeating a line.

Options:
  -f, --follow          Follow log output (after the command; before it, -f FILE names a compose file)
  -n, --tail N          Lines from the end of each container's log (default: all)
  -t, --timestamps      Show the engine's timestamps
      --since TIME      Only lines since TIME (2024-05-01T10:00:00Z, a UNIX time, or 10m, 1h30m back from now)
      --until TIME      Only lines before TIME
      --no-log-prefix   Don't print the container name before each line
      --no-color        Plain prefixes
`;

/** What `berth logs` needs from outside; tests hand in their own. */
export interface LogsCommandDeps {
  connect(context: CliContext): Promise<EngineWatch & { stop(): Promise<void> }>;
  /** Calls `stop` on Ctrl-C; returns the unsubscribe. */
  onInterrupt(stop: () => void): () => void;
}

export const DEFAULT_LOGS_DEPS: LogsCommandDeps = {
  async connect(context) {
    const connection = new EngineConnection({ env: context.env, homeDir: context.env.HOME || homedir() });
    await connection.start();
    return connection;
  },
  onInterrupt(stop) {
    process.once('SIGINT', stop);
    return () => process.removeListener('SIGINT', stop);
  },
};

export function createLogsCommand(deps: LogsCommandDeps = DEFAULT_LOGS_DEPS): CliCommand {
  return {
    name: 'logs',
    usage: USAGE,
    async run(args, context) {
      let options: LogsArgs;
      let target: LogTarget;
      try {
        options = parseLogsArgs(args, context.cwd);
        const { flags, rest } = parseComposeFlags(options.composeArgs);
        if (rest.length > 0) throw new LogsUsageError(`unknown flag: ${rest[0]}`);
        const project =
          flags.projectName ??
          (await loadProject({ ...flags, workingDir: context.cwd, env: context.env, services: options.services })).name;
        target = { kind: 'project', project, ...(options.services.length > 0 ? { services: options.services } : {}) };
      } catch (error) {
        if (error instanceof LogsUsageError || error instanceof ComposeFlagError) {
          context.stderr.write(`berth logs: ${error.message}\n\n${USAGE}`);
          return 2;
        }
        return fail(context, error);
      }
      const engine = await deps.connect(context);
      try {
        const state = engine.getState();
        if (state.status !== 'connected') {
          context.stderr.write(
            `berth logs: cannot reach the Docker engine. ${state.reason ?? ''}\n${state.fix ? `Fix: ${state.fix}\n` : ''}`,
          );
          return 1;
        }
        return await printLogs(engine, target, options, context, deps);
      } finally {
        await engine.stop();
      }
    },
  };
}

function printLogs(
  engine: EngineWatch,
  target: LogTarget,
  options: LogsArgs,
  context: CliContext,
  deps: LogsCommandDeps,
): Promise<number> {
  const printer = new LogPrinter({
    prefix: options.prefix,
    timestamps: options.timestamps,
    color: options.color && context.isTty,
  });
  return new Promise<number>((resolve) => {
    let stopInterrupt = () => {};
    let waitingForDrain = false;
    const finish = (code: number) => {
      stopInterrupt();
      resolve(code);
    };
    const session = new LogsSession(
      {
        engine,
        target,
        tail: options.tail,
        since: options.since,
        until: options.until,
        follow: options.follow,
        timestamps: options.timestamps,
      },
      {
        sources: (sources) => printer.setSources(sources),
        lines(lines) {
          // A slow reader (a pipe into less) pauses the engine's streams instead of filling memory.
          if (!context.stdout.write(printer.format(lines)) && !waitingForDrain) {
            waitingForDrain = true;
            session.pause();
            context.stdout.once('drain', () => {
              waitingForDrain = false;
              session.resume();
            });
          }
        },
        // A run that ended cleanly gets no rule: output piped into a script stays the program's own, as with Compose.
        marker: (marker) => {
          if (!isCleanExit(marker)) context.stdout.write(printer.formatMarker(marker));
        },
        caughtUp: () => {},
        notice: (level, text) => {
          if (level === 'warning') context.stderr.write(`berth logs: ${text}\n`);
        },
        end: (error) => finish(error === undefined ? 0 : fail(context, error)),
      },
    );
    stopInterrupt = deps.onInterrupt(() => {
      session.dispose();
      finish(0);
    });
    session.start();
  });
}

function fail(context: CliContext, error: unknown): number {
  const payload = toErrorPayload(error);
  context.stderr.write(`berth logs: ${payload.message}\n${payload.fix ? `Fix: ${payload.fix}\n` : ''}`);
  return 1;
}

export const logsCommand: CliCommand = createLogsCommand();

function isCleanExit(marker: LogMarker): boolean {
  return marker.kind === 'exited' && marker.exitCode === 0 && !marker.oomKilled;
}
