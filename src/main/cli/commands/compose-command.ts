/**
 * What every Compose command of `berth` shares: the loader's global flags, its own options, loading the project,
 * connecting to the engine, progress on the terminal, Ctrl-C to cancel, and errors printed with their fix.
 */
import { BerthError } from '@shared/errors';
import type { Endpoint } from '@shared/schemas/engine';
import type { ComposeEngine } from '../../services/compose/engine/compose-engine';
import type { ComposeProject } from '../../services/compose/load';
import type Docker from 'dockerode';
import { buildOnFirstUse } from '../../services/load-on-first-use';
import type { ComposeRunner } from '../../services/projects/compose-runner';
import type { ProjectCatalog } from '../../services/projects/project-catalog';
import { cliEngine } from '../cli-engine';
import { describeCliError, formatCliError } from '../cli-errors';
import type { CliCommand, CliContext } from '../command';
import { loadCliProject } from '../load-cli-project';
import { ComposeFlagError, parseComposeFlags, type ComposeFlags } from '../compose-flags';
import { exitCodeFor } from '../exit-codes';
import { ComposeProgressPrinter } from './compose-progress-printer';
import { splitInlineValue } from '../flag-syntax';

export class UsageError extends Error {}

export interface OptionSpec {
  /** Flags without a value, by every spelling: `{ '-v': 'volumes', '--volumes': 'volumes' }`. */
  booleans?: Record<string, string>;
  /** Flags that take a value. */
  values?: Record<string, string>;
}

export interface ParsedOptions {
  flags: Record<string, string | true>;
  positionals: string[];
}

export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedOptions {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = splitInlineValue(arg);
    if (spec.booleans?.[name]) flags[spec.booleans[name]] = true;
    else if (spec.values?.[name]) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`flag needs an argument: ${name}`);
      flags[spec.values[name]] = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown flag: ${arg}`);
    else positionals.push(arg);
  }
  return { flags, positionals };
}

/**
 * What a compose command works with. The runner, its engine and the catalog load on first use: `ps` and `ls` need
 * little of them, and loading them (project store, GPU service, their schemas) is a good part of a short command.
 */
export interface ComposeSession {
  context: CliContext;
  /** The engine's client. */
  docker: Docker;
  runner(): Promise<ComposeRunner>;
  /** The projects the app shows: saved ones and those on the engine. */
  catalog(): Promise<ProjectCatalog>;
  engine(): Promise<ComposeEngine>;
  flags: ComposeFlags;
  /**
   * Loads the project with the global flags (and the services named, so their profiles are enabled), plus the
   * override Berth writes for GPUs pinned in the app, so the CLI runs what the app would.
   */
  loadProject(services?: string[]): Promise<ComposeProject>;
  progress: ComposeProgressPrinter;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
}

export interface ComposeCommandSpec {
  name: string;
  usage: string;
  options: OptionSpec;
  execute(session: ComposeSession, options: ParsedOptions): Promise<number>;
}

export function composeCommand(spec: ComposeCommandSpec): CliCommand {
  return {
    name: spec.name,
    usage: spec.usage,
    async run(args, context) {
      let flags: ComposeFlags;
      let options: ParsedOptions;
      try {
        const parsed = parseComposeFlags(args);
        flags = parsed.flags;
        options = parseOptions(parsed.rest, spec.options);
      } catch (error) {
        if (error instanceof ComposeFlagError || error instanceof UsageError) {
          context.stderr.write(`berth ${spec.name}: ${error.message}\n\n${spec.usage}`);
          return 2;
        }
        throw error;
      }
      const controller = new AbortController();
      const onInterrupt = () =>
        controller.abort(new BerthError('E_CANCELLED', `berth ${spec.name} was cancelled (Ctrl-C).`));
      process.once('SIGINT', onInterrupt);
      let endpoint: Endpoint | null = null;
      const progress = new ComposeProgressPrinter(context.stdout, context.stderr, context.isTty);
      try {
        const engine = cliEngine(context);
        endpoint = engine.endpoint;
        const runner = buildOnFirstUse(async () =>
          (await import('../cli-compose-runner')).cliComposeRunner(context, engine),
        );
        const session: ComposeSession = {
          context,
          docker: engine.docker,
          runner,
          catalog: async () => (await import('../cli-projects')).cliCatalog(context, engine),
          engine: async () => (await runner()).engine(),
          flags,
          loadProject: (services) => loadCliProject(context, { ...flags, services }),
          progress,
          signal: controller.signal,
        };
        return await spec.execute(session, options);
      } catch (error) {
        const payload = describeCliError(error, endpoint);
        // Shown already against its service by the progress display: say only what to do.
        if (progress.alreadyReported(payload.message)) context.stderr.write(payload.fix ? `Fix: ${payload.fix}\n` : '');
        else context.stderr.write(formatCliError(payload));
        return exitCodeFor(error);
      } finally {
        process.removeListener('SIGINT', onInterrupt);
      }
    },
  };
}

export function flag(options: ParsedOptions, name: string): boolean {
  return options.flags[name] === true;
}

export function numberFlag(options: ParsedOptions, name: string): number | undefined {
  const value = options.flags[name];
  if (value === undefined || value === true) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new UsageError(`--${name} needs a number, not "${value}"`);
  return number;
}
