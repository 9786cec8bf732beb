import { COMPOSE_VALUE_FLAGS, ComposeFlagError, parseComposeFlags, type ComposeFlags } from '../compose-flags';
import { splitInlineValue } from '../flag-syntax';

export interface ExecArgs {
  /** -T: no pseudo-terminal, even when stdin is one. */
  noTty: boolean;
  user?: string;
  workdir?: string;
  env: string[];
  /** Which replica (com.docker.compose.container-number); 1 by default, as in Compose. */
  index: number;
  service: string;
  command: string[];
  composeFlags: ComposeFlags;
}

export class ExecUsageError extends Error {}

const EXEC_VALUE_FLAGS: Record<string, 'user' | 'workdir' | 'env' | 'index'> = {
  '-u': 'user',
  '--user': 'user',
  '-w': 'workdir',
  '--workdir': 'workdir',
  '-e': 'env',
  '--env': 'env',
  '--index': 'index',
};

/**
 * `[OPTIONS] SERVICE COMMAND [ARGS...]`: options are read only before SERVICE, so the command keeps its own
 * flags (`berth exec app ls -f` lists with -f instead of reading a Compose file).
 */
export function parseExecArgs(args: readonly string[]): ExecArgs {
  const composeArgs: string[] = [];
  const parsed: Omit<ExecArgs, 'service' | 'command' | 'composeFlags'> = { noTty: false, env: [], index: 1 };
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    const [name, inline] = splitInlineValue(arg);
    if (name === '--no-TTY' || name === '--no-tty') {
      parsed.noTty = true;
    } else if (/^-[itT]+$/.test(name)) {
      // -i and -t are Compose's defaults already, accepted so `docker exec -it` habits work.
      if (name.includes('T')) parsed.noTty = true;
    } else if (name === '--interactive' || name === '--tty') {
      // Defaults, as above.
    } else if (
      COMPOSE_VALUE_FLAGS.has(name) ||
      /^-[fp]./.test(arg) ||
      /^--(file|project-name|project-directory|env-file|profile)=/.test(arg)
    ) {
      composeArgs.push(arg);
      if (COMPOSE_VALUE_FLAGS.has(arg)) composeArgs.push(valueOf(args, ++i, arg));
    } else if (EXEC_VALUE_FLAGS[name]) {
      const value = inline ?? valueOf(args, ++i, name);
      const target = EXEC_VALUE_FLAGS[name];
      if (target === 'env') parsed.env.push(value);
      else if (target === 'index') parsed.index = positiveInteger(value);
      else parsed[target] = value;
    } else {
      throw new ExecUsageError(`unknown flag: ${arg}`);
    }
  }
  const [service, ...command] = args.slice(i);
  if (!service) throw new ExecUsageError('which service? Usage: berth exec [OPTIONS] SERVICE COMMAND [ARGS...]');
  if (command.length === 0) throw new ExecUsageError(`what should run in ${service}? Give a command, for example: sh`);
  let composeFlags: ComposeFlags;
  try {
    composeFlags = parseComposeFlags(composeArgs).flags;
  } catch (error) {
    if (error instanceof ComposeFlagError) throw new ExecUsageError(error.message);
    throw error;
  }
  return { ...parsed, service, command, composeFlags };
}

function valueOf(args: readonly string[], index: number, flag: string): string {
  const value = args[index];
  if (value === undefined) throw new ExecUsageError(`flag needs an argument: ${flag}`);
  return value;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new ExecUsageError(`--index needs a positive number, not "${value}"`);
  return number;
}
