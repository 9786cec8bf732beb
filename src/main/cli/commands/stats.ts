/** `berth stats`: live CPU, memory, network, block I/O and PIDs of the project's containers, as `docker stats`. */
import type { ContainerStats, StatsMessage, StatsSelection, StatsTarget } from '@shared/schemas/stats';
import type { EngineWatch } from '../../services/docker/engine-watch';
import { createStatsSource } from '../../services/stats/stats-source';
import { StatsSampler } from '../../services/stats/stats-sampler';
import { describeCliError, formatCliError } from '../cli-errors';
import type { CliCommand, CliContext } from '../command';
import { COMPOSE_GLOBAL_FLAGS_USAGE, ComposeFlagError, parseComposeFlags, type ComposeFlags } from '../compose-flags';
import { loadCliProject } from '../load-cli-project';
import { flag, parseOptions, UsageError, type ParsedOptions } from './compose-command';
import { DEFAULT_LOGS_DEPS, type LogsCommandDeps } from './logs';
import { formatStatsTable, statsJson } from './stats-format';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} stats [OPTIONS] [SERVICE...]

Live resource use of the project's running containers, with docker stats' columns and numbers: CPU % (100% is one
core), memory without the page cache against the limit, network and block I/O since the start, PIDs. Refreshes
every second until Ctrl-C; redraws in place on a terminal, prints one table per refresh otherwise.

Options:
      --no-stream   Print one table and exit
      --json        Print JSON (one array per refresh: bytes, percentages and rates as numbers)
      --all         Every running container on the engine, not only the project's
`;

const OPTIONS = { booleans: { '--no-stream': 'noStream', '--json': 'json', '--all': 'all' } };
/** `docker stats` refreshes about once a second. */
const REFRESH_MS = 1_000;
const CLEAR_SCREEN = '\u001b[H\u001b[2J';

/** Same needs as `berth logs`: a live engine connection (events keep the list current) and Ctrl-C. */
export type StatsCommandDeps = LogsCommandDeps;

export function createStatsCommand(deps: StatsCommandDeps = DEFAULT_LOGS_DEPS): CliCommand {
  return {
    name: 'stats',
    usage: USAGE,
    async run(args, context) {
      let flags: ComposeFlags;
      let options: ParsedOptions;
      try {
        const parsed = parseComposeFlags(args);
        flags = parsed.flags;
        options = parseOptions(parsed.rest, OPTIONS);
        if (flag(options, 'all') && options.positionals.length > 0) {
          throw new UsageError('--all shows every container; it takes no SERVICE');
        }
      } catch (error) {
        if (error instanceof ComposeFlagError || error instanceof UsageError) {
          context.stderr.write(`berth stats: ${error.message}\n\n${USAGE}`);
          return 2;
        }
        throw error;
      }
      let selection: StatsSelection;
      try {
        selection = await selectionFor(context, flags, options);
      } catch (error) {
        context.stderr.write(formatCliError(describeCliError(error, null), 'berth stats: '));
        return 1;
      }
      const engine = await deps.connect(context);
      try {
        const state = engine.getState();
        if (state.status !== 'connected') {
          context.stderr.write(
            `berth stats: cannot reach the Docker engine. ${state.reason ?? ''}\n${state.fix ? `Fix: ${state.fix}\n` : ''}`,
          );
          return 1;
        }
        return await showStats(engine, selection, options, context, deps);
      } finally {
        await engine.stop();
      }
    },
  };
}

async function selectionFor(context: CliContext, flags: ComposeFlags, options: ParsedOptions): Promise<StatsSelection> {
  const none = { containers: [], services: [], projects: [], all: false };
  if (flag(options, 'all')) return { ...none, all: true };
  const project =
    flags.projectName ?? (await loadCliProject(context, { ...flags, services: options.positionals })).name;
  if (options.positionals.length === 0) return { ...none, projects: [project] };
  return { ...none, services: options.positionals.map((service) => ({ project, service })) };
}

function showStats(
  engine: EngineWatch,
  selection: StatsSelection,
  options: ParsedOptions,
  context: CliContext,
  deps: StatsCommandDeps,
): Promise<number> {
  const once = flag(options, 'noStream');
  const json = flag(options, 'json');
  const sampler = new StatsSampler({
    getDocker: () => engine.getDocker(),
    intervalMs: REFRESH_MS,
    historySize: 1,
    machineMemoryBytes: () => engine.getState().info?.memoryBytes,
  });
  const source = createStatsSource({ engine, sampler }, { selection, history: false });
  let targets: StatsTarget[] | null = null;
  const latest = new Map<string, ContainerStats>();

  const render = () => {
    const shown = targets ?? [];
    if (json) return `${JSON.stringify(statsJson(shown, latest))}\n`;
    const table = formatStatsTable(shown, latest);
    return context.isTty && !once ? CLEAR_SCREEN + table : `${table}${once ? '' : '\n'}`;
  };
  /** `--no-stream` waits for a CPU figure, which needs two readings, as `docker stats --no-stream` does. */
  const complete = () => targets !== null && targets.every((target) => latest.get(target.id)?.cpuPercent != null);

  return new Promise<number>((resolve) => {
    let stopInterrupt = () => {};
    const finish = (code: number) => {
      stopInterrupt();
      source.dispose();
      sampler.dispose();
      resolve(code);
    };
    source.start({
      emit(message: StatsMessage) {
        if (message.type === 'targets') {
          targets = message.targets;
          for (const id of latest.keys()) if (!targets.some((target) => target.id === id)) latest.delete(id);
        } else if (message.type === 'samples') {
          for (const sample of message.samples) latest.set(sample.id, sample);
        } else return;
        if (once) {
          if (!complete()) return;
          context.stdout.write(render());
          return finish(0);
        }
        if (message.type === 'samples' || targets?.length === 0) context.stdout.write(render());
      },
      end: (error) => finish(error === undefined ? 0 : 1),
    });
    stopInterrupt = deps.onInterrupt(() => finish(0));
  });
}

export const statsCommand: CliCommand = createStatsCommand();
