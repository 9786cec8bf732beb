import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { splitInlineValue } from '../flag-syntax';

export interface LogsArgs {
  follow: boolean;
  tail: number | 'all';
  timestamps: boolean;
  prefix: boolean;
  color: boolean;
  since?: string;
  until?: string;
  services: string[];
  /** Everything else: the Compose global flags (-f FILE, -p NAME…), for the loader. */
  composeArgs: string[];
}

export class LogsUsageError extends Error {}

const COMPOSE_FILE = /\.(ya?ml|json)$/i;

/**
 * `berth logs` options. The runner passes global flags and the command's own together, so `-f` is ambiguous:
 * `-f FILE` (a global flag) when the next word names a compose file, otherwise `-f` is `--follow`, as in
 * `docker compose logs -f`. `--file FILE` stays unambiguous.
 */
export function parseLogsArgs(args: readonly string[], cwd: string): LogsArgs {
  const parsed: LogsArgs = {
    follow: false,
    tail: 'all',
    timestamps: false,
    prefix: true,
    color: true,
    services: [],
    composeArgs: [],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = splitInlineValue(arg);
    const value = () => {
      const next = inline ?? args[++i];
      if (next === undefined) throw new LogsUsageError(`flag needs an argument: ${name}`);
      return next;
    };
    switch (name) {
      case '-f': {
        const next = args[i + 1];
        if (
          next !== undefined &&
          !next.startsWith('-') &&
          (COMPOSE_FILE.test(next) || existsSync(resolve(cwd, next)))
        ) {
          parsed.composeArgs.push(arg, next);
          i++;
        } else parsed.follow = true;
        break;
      }
      case '--follow':
        parsed.follow = true;
        break;
      case '-t':
      case '--timestamps':
        parsed.timestamps = true;
        break;
      case '--no-log-prefix':
        parsed.prefix = false;
        break;
      case '--no-color':
        parsed.color = false;
        break;
      case '-n':
      case '--tail':
        parsed.tail = parseTail(value());
        break;
      case '--since':
        parsed.since = value();
        break;
      case '--until':
        parsed.until = value();
        break;
      case '-p':
      case '--project-name':
      case '--file':
      case '--project-directory':
      case '--env-file':
      case '--profile':
        parsed.composeArgs.push(name, value());
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') parsed.composeArgs.push(arg);
        else parsed.services.push(arg);
    }
  }
  return parsed;
}

function parseTail(value: string): number | 'all' {
  if (value === 'all') return 'all';
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new LogsUsageError(`--tail needs a number of lines or "all", not "${value}"`);
  return number;
}
