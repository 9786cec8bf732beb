import { version } from '../../../package.json';
import type { CliContext } from './command';
import { COMMANDS, type CommandEntry } from './commands';
import { COMPOSE_VALUE_FLAGS } from './compose-flags';
import { applyEngineFlags, takeEngineFlags } from './engine-flags';
import { EXIT_CODES_HELP } from './exit-codes';
import { closeAllEngineClients } from '../services/docker/open-clients';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: berth COMMAND [OPTIONS]',
    '',
    'Commands:',
    ...lines,
    '',
    'Global options:',
    '  -c, --context NAME  Use this docker context or saved Berth engine (overrides DOCKER_HOST, DOCKER_CONTEXT)',
    '  -H, --host URL      Use the engine at this address (overrides DOCKER_HOST)',
    '  -v, --version       Print the version and exit',
    '',
    'Run `berth COMMAND --help` for more.',
    '',
    EXIT_CODES_HELP,
  ].join('\n');
}

interface FoundCommand {
  entry: CommandEntry;
  /** Everything but the command's name: global flags first, then the command's own arguments. */
  rest: string[];
  /** True for `--help`/`-h` among the flags before the command's first operand (`berth exec app ls -h` runs `ls -h`). */
  wantsHelp: boolean;
}

function wantsHelp(afterCommand: string[]): boolean {
  const firstOperand = afterCommand.findIndex((arg) => !arg.startsWith('-'));
  const flags = firstOperand === -1 ? afterCommand : afterCommand.slice(0, firstOperand);
  return flags.includes('--help') || flags.includes('-h');
}

function findCommand(args: string[]): FoundCommand | null {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    // Global flags (-f, -p, --profile…) may come before the command, as with `docker compose`.
    if (COMPOSE_VALUE_FLAGS.has(arg)) {
      index++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    const entry = COMMANDS.find((candidate) => candidate.name === arg);
    if (!entry) return null;
    const after = args.slice(index + 1);
    return { entry, rest: [...args.slice(0, index), ...after], wantsHelp: wantsHelp(after) };
  }
  return null;
}

export async function runCli(args: string[], context: CliContext): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    context.stdout.write(helpText());
    return 0;
  }
  if (args[0] === '--version' || args[0] === '-v' || args[0] === 'version') {
    context.stdout.write(`berth ${version}\n`);
    return 0;
  }
  const engine = takeEngineFlags(args, {
    isCommandName: (arg) => COMMANDS.some((command) => command.name === arg),
    takesValue: (arg) => COMPOSE_VALUE_FLAGS.has(arg),
  });
  if (!engine.ok) {
    context.stderr.write(`berth: ${engine.error}\n`);
    return 2;
  }
  const found = findCommand(engine.args);
  if (!found) {
    context.stderr.write(`berth: unknown command in: ${args.join(' ')}\n\n${helpText()}`);
    return 2;
  }
  const command = await found.entry.load();
  if (found.wantsHelp) {
    context.stdout.write(`${command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await command.run(found.rest, { ...context, env: applyEngineFlags(context.env, engine.flags) });
  } finally {
    // ssh and keep-alive tcp connections would keep the process alive after the command is done.
    closeAllEngineClients();
  }
}
