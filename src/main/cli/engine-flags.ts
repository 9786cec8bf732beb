/** The docker CLI's global engine flags, as Berth accepts them before the command name. */
export interface EngineFlags {
  /** `-H/--host URL`: the engine address, beating DOCKER_HOST. */
  host?: string;
  /** `-c/--context NAME`: a docker context or a saved Berth engine, beating DOCKER_HOST and DOCKER_CONTEXT. */
  context?: string;
}

export type EngineFlagsResult = { ok: true; args: string[]; flags: EngineFlags } | { ok: false; error: string };

const HOST_FLAGS = new Set(['-H', '--host']);
const CONTEXT_FLAGS = new Set(['-c', '--context']);

/**
 * Takes `-H/--host` and `-c/--context` (also `--flag=value`) out of the arguments before the command name, as the
 * docker CLI reads them; everything else stays in place. Both at once is an error, as in the docker CLI.
 */
export function takeEngineFlags(
  args: string[],
  syntax: { isCommandName(arg: string): boolean; takesValue(arg: string): boolean },
): EngineFlagsResult {
  const rest: string[] = [];
  const flags: EngineFlags = {};
  let index = 0;
  for (; index < args.length; index++) {
    const arg = args[index]!;
    if (syntax.isCommandName(arg)) break;
    if (syntax.takesValue(arg)) {
      // Another global flag's value (`-p up`) is not the command name.
      rest.push(arg, ...args.slice(index + 1, index + 2));
      index++;
      continue;
    }
    const split = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [name, inline] = split === -1 ? [arg, undefined] : [arg.slice(0, split), arg.slice(split + 1)];
    const field = HOST_FLAGS.has(name) ? 'host' : CONTEXT_FLAGS.has(name) ? 'context' : undefined;
    if (!field) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? args[++index];
    if (value === undefined || value === '') return { ok: false, error: `flag needs an argument: ${name}` };
    flags[field] = value;
  }
  if (flags.host !== undefined && flags.context !== undefined) {
    return { ok: false, error: 'conflicting options: either specify --host or --context, not both' };
  }
  return { ok: true, args: [...rest, ...args.slice(index)], flags };
}

/** The environment a command resolves its engine from, with the flags applied as the docker CLI applies them. */
export function applyEngineFlags(env: NodeJS.ProcessEnv, flags: EngineFlags): NodeJS.ProcessEnv {
  if (flags.host !== undefined) {
    const { DOCKER_CONTEXT: _context, ...rest } = env;
    return { ...rest, DOCKER_HOST: flags.host };
  }
  if (flags.context !== undefined) {
    const { DOCKER_HOST: _host, ...rest } = env;
    return { ...rest, DOCKER_CONTEXT: flags.context };
  }
  return env;
}
