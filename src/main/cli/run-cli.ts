import type { CliCommand, CliContext } from './command';
import { COMMANDS } from './commands';
import { COMPOSE_VALUE_FLAGS } from './compose-flags';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: berth COMMAND [OPTIONS]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `berth COMMAND --help` for more.',
    '',
  ].join('\n');
}

interface FoundCommand {
  command: CliCommand;
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
    const command = COMMANDS.find((candidate) => candidate.name === arg);
    if (!command) return null;
    const after = args.slice(index + 1);
    return { command, rest: [...args.slice(0, index), ...after], wantsHelp: wantsHelp(after) };
  }
  return null;
}

export async function runCli(args: string[], context: CliContext): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    context.stdout.write(helpText());
    return 0;
  }
  const found = findCommand(args);
  if (!found) {
    context.stderr.write(`berth: unknown command in: ${args.join(' ')}\n\n${helpText()}`);
    return 2;
  }
  if (found.wantsHelp) {
    context.stdout.write(`${found.command.usage.trimEnd()}\n`);
    return 0;
  }
  return found.command.run(found.rest, context);
}
