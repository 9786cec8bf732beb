/**
 * `berth prune images|containers|build-cache`: lists what would be removed and how much space that frees, asks,
 * then removes exactly that list (see services/disk/prune.ts).
 */
import { createInterface } from 'node:readline';
import { PruneKindSchema, type PruneKind, type PruneScopeRequest } from '@shared/schemas/disk';
import { PruneService } from '../../services/disk/prune';
import type { CliCommand } from '../command';
import { splitInlineValue } from '../flag-syntax';
import { flag, UsageError } from './compose-command';
import { formatPrunePlan, formatPruneResult } from './disk-format';
import { dockerCommand } from './docker-command';

const USAGE = `Usage: berth prune images|containers|build-cache [OPTIONS]

Free disk space. First lists what would be removed and how much space that frees, then asks (unless -f), then
removes exactly what it listed: something that started, got a tag or came into use meanwhile stays.
  images        dangling images (untagged, unused); with -a every image no container uses
  containers    stopped containers (exited, created, dead); their volumes stay
  build-cache   build cache records not in use

Options:
      --dry-run              Only list what would be removed
  -f, --force                Don't ask for confirmation
  -a, --all                  images: every unused image, not only dangling ones
  -p, --project NAME         Only what belongs to this compose project (by its label)
      --filter label=K[=V]   Only items with this label (repeatable)
      --filter description=TEXT
                             build-cache: only records whose description contains TEXT
      --json                 Print the plan (and the result) as JSON
`;

export interface PruneCommandDeps {
  /** Asks the question on the terminal; resolves true for yes. */
  confirm(question: string): Promise<boolean>;
}

function askOnStdin(question: string): Promise<boolean> {
  const readline = createInterface({ input: process.stdin, output: process.stderr });
  return new Promise((resolve) => {
    let answered = false;
    readline.question(question, (answer) => {
      answered = true;
      readline.close();
      resolve(/^y(es)?$/i.test(answer.trim()));
    });
    readline.once('close', () => {
      if (!answered) resolve(false);
    });
  });
}

/** `--filter` may repeat, which the shared option parser doesn't keep: take them out first. */
function takeFilters(args: readonly string[]): { filters: string[]; rest: string[] } {
  const filters: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = splitInlineValue(args[i]!);
    if (name !== '--filter') {
      rest.push(args[i]!);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError('flag needs an argument: --filter');
    filters.push(value);
  }
  return { filters, rest };
}

function scopeOf(kind: PruneKind, filters: string[], project: string | undefined, all: boolean): PruneScopeRequest {
  const scope: PruneScopeRequest = { labels: [], all };
  if (project) scope.project = project;
  for (const filter of filters) {
    const [key, ...rest] = filter.split('=');
    const value = rest.join('=');
    if (key === 'label' && value) scope.labels!.push(value);
    else if (key === 'description' && value && kind === 'build-cache') scope.description = value;
    else throw new UsageError(`unsupported filter for ${kind}: ${filter}`);
  }
  return scope;
}

/** The command for one invocation: `filters` were taken out of its arguments first. */
function pruneCommandWith(filters: string[], deps: PruneCommandDeps): CliCommand {
  return dockerCommand({
    name: 'prune',
    usage: USAGE,
    options: {
      booleans: {
        '--dry-run': 'dryRun',
        '-f': 'force',
        '--force': 'force',
        '-a': 'all',
        '--all': 'all',
        '--json': 'json',
      },
      values: { '-p': 'project', '--project': 'project' },
    },
    validate(options) {
      const [kind, ...rest] = options.positionals;
      if (!kind) throw new UsageError('say what to prune: images, containers or build-cache');
      if (!PruneKindSchema.safeParse(kind).success) throw new UsageError(`cannot prune "${kind}"`);
      if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
      if (flag(options, 'all') && kind !== 'images') throw new UsageError('-a is for images');
      scopeOf(kind as PruneKind, filters, undefined, false);
    },
    async execute(docker, options, context) {
      const kind = options.positionals[0] as PruneKind;
      const project = typeof options.flags.project === 'string' ? options.flags.project : undefined;
      const service = new PruneService(docker);
      const plan = await service.plan(kind, scopeOf(kind, filters, project, flag(options, 'all')));
      const json = flag(options, 'json');
      if (!json) context.stdout.write(formatPrunePlan(plan));
      if (flag(options, 'dryRun') || plan.items.length === 0) {
        if (json) context.stdout.write(`${JSON.stringify({ plan }, null, 2)}\n`);
        return 0;
      }
      if (!flag(options, 'force') && !(await deps.confirm('Remove them? [y/N] '))) {
        if (json) context.stdout.write(`${JSON.stringify({ plan, result: null }, null, 2)}\n`);
        else context.stdout.write('Cancelled; nothing was removed.\n');
        return 0;
      }
      const result = await service.execute(plan.token);
      context.stdout.write(json ? `${JSON.stringify({ plan, result }, null, 2)}\n` : formatPruneResult(result));
      return result.skipped.length > 0 && result.removed.length === 0 ? 1 : 0;
    },
  });
}

export function createPruneCommand(deps: PruneCommandDeps = { confirm: askOnStdin }): CliCommand {
  return {
    name: 'prune',
    usage: USAGE,
    run(args, context) {
      let taken: { filters: string[]; rest: string[] };
      try {
        taken = takeFilters(args);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        context.stderr.write(`berth prune: ${error.message}\n\n${USAGE}`);
        return Promise.resolve(2);
      }
      return pruneCommandWith(taken.filters, deps).run(taken.rest, context);
    },
  };
}

export const pruneCommand: CliCommand = createPruneCommand();
