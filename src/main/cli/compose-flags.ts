/**
 * The Compose CLI's global flags, shared by every `berth` Compose command (config, up, down, ps…):
 * `-f/--file` and `--env-file` and `--profile` (repeatable), `-p/--project-name`, `--project-directory`.
 * They may appear before or after the subcommand; everything else is returned untouched, in order.
 */
import type { LoadOptions } from '../services/compose/load/options';
import { splitInlineValue } from './flag-syntax';

export type ComposeFlags = Pick<LoadOptions, 'files' | 'projectName' | 'projectDirectory' | 'envFiles' | 'profiles'>;

export interface ParsedComposeFlags {
  flags: ComposeFlags;
  rest: string[];
}

export class ComposeFlagError extends Error {}

type FlagTarget = 'files' | 'projectName' | 'projectDirectory' | 'envFiles' | 'profiles';

const FLAGS: Record<string, FlagTarget> = {
  '-f': 'files',
  '--file': 'files',
  '-p': 'projectName',
  '--project-name': 'projectName',
  '--project-directory': 'projectDirectory',
  '--env-file': 'envFiles',
  '--profile': 'profiles',
};

const REPEATABLE = new Set<FlagTarget>(['files', 'envFiles', 'profiles']);

/** How the Compose global flags read in every Compose command's usage line. */
export const COMPOSE_GLOBAL_FLAGS_USAGE =
  '[-f FILE]... [-p NAME] [--project-directory DIR] [--env-file FILE]... [--profile NAME]...';

/** The loader's global flags that take a value (`-f FILE`…), for parsers that must skip over them. */
export const COMPOSE_VALUE_FLAGS: ReadonlySet<string> = new Set(Object.keys(FLAGS));

export function parseComposeFlags(args: readonly string[]): ParsedComposeFlags {
  const flags: ComposeFlags = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    const { flag, inlineValue } = splitFlag(arg);
    const target = FLAGS[flag];
    if (target === undefined) {
      rest.push(arg);
      continue;
    }
    let value = inlineValue;
    if (value === undefined) {
      value = args[i + 1];
      if (value === undefined) throw new ComposeFlagError(`flag needs an argument: ${flag}`);
      i++;
    }
    if (REPEATABLE.has(target)) {
      const list = (flags[target] as string[] | undefined) ?? [];
      list.push(value);
      (flags as Record<string, unknown>)[target] = list;
    } else {
      (flags as Record<string, unknown>)[target] = value;
    }
  }
  return { flags, rest };
}

/** `--file=x` and `-fx` forms. */
function splitFlag(arg: string): { flag: string; inlineValue?: string } {
  if (arg.startsWith('--')) {
    const [flag, inlineValue] = splitInlineValue(arg);
    return inlineValue === undefined ? { flag } : { flag, inlineValue };
  }
  if (/^-[fp].+/.test(arg)) {
    const value = arg.slice(2);
    return { flag: arg.slice(0, 2), inlineValue: value.startsWith('=') ? value.slice(1) : value };
  }
  return { flag: arg };
}
