import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { loadProject } from '../../services/compose/load';
import { COMPOSE_PROJECT_NAME } from '../../services/compose/util/compose-env-vars';
import { execExitCode } from '../../services/terminals/exec-exit-code';
import { findServiceContainer } from '../../services/terminals/find-service-container';
import { requireRunningContainer } from '../../services/terminals/open-container-shell';
import type { CliCommand, CliContext } from '../command';
import type { ComposeFlags } from '../compose-flags';
import { cliEngine } from '../cli-engine';
import { describeCliError, formatCliError } from '../cli-errors';
import { ExecUsageError, parseExecArgs, type ExecArgs } from './exec-args';

const USAGE = `Usage: berth exec [OPTIONS] SERVICE COMMAND [ARGS...]

Runs a command in a running service container, like \`docker compose exec\`: with a pseudo-terminal when stdin
is one (an interactive shell: berth exec app sh), without one when input is piped or with -T. Exits with the
command's exit code.

Options (before SERVICE):
  -T, --no-TTY           Don't allocate a pseudo-terminal
  -u, --user USER        Run as this user (name or uid[:gid])
  -w, --workdir DIR      Working directory inside the container
  -e, --env KEY=VALUE    Set an environment variable (repeatable)
      --index N          Which replica of the service (default 1)
  -p, --project-name     Project name (default: from the Compose files, as docker compose finds them)
  -f, --file, --project-directory, --env-file, --profile   As for the other Compose commands
`;

/** What `berth exec` reads from besides its context: the terminal it runs in. */
export interface ExecInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
}

export interface ExecCommandDeps {
  stdin: ExecInput;
  connect(context: CliContext): Docker;
}

export function createExecCommand(deps: ExecCommandDeps): CliCommand {
  return {
    name: 'exec',
    usage: USAGE,
    async run(args, context) {
      let parsed: ExecArgs;
      try {
        parsed = parseExecArgs(args);
      } catch (error) {
        if (!(error instanceof ExecUsageError)) throw error;
        context.stderr.write(`berth exec: ${error.message}\n\n${USAGE}`);
        return 2;
      }
      try {
        return await execInService(deps, parsed, context);
      } catch (error) {
        context.stderr.write(formatCliError(describeCliError(error, null), 'berth exec: '));
        return 1;
      }
    },
  };
}

export const execCommand: CliCommand = createExecCommand({
  stdin: process.stdin,
  connect: (context) => cliEngine(context).docker,
});

async function projectName(flags: ComposeFlags, context: CliContext): Promise<string> {
  if (flags.projectName) return flags.projectName;
  const fromEnv = context.env[COMPOSE_PROJECT_NAME];
  if (fromEnv) return fromEnv;
  const project = await loadProject({ ...flags, workingDir: context.cwd, env: context.env });
  return project.name;
}

async function execInService(deps: ExecCommandDeps, args: ExecArgs, context: CliContext): Promise<number> {
  const docker = deps.connect(context);
  const project = await projectName(args.composeFlags, context);
  const found = await findServiceContainer(docker, project, args.service, args.index);
  const container = docker.getContainer(found.Id);
  await requireRunningContainer(container, found.Id);

  const tty = !args.noTty && deps.stdin.isTTY === true;
  const term = context.env.TERM;
  const exec = await container.exec({
    Cmd: args.command,
    User: args.user,
    WorkingDir: args.workdir,
    Env: [...(tty && term ? [`TERM=${term}`] : []), ...args.env],
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: tty,
  });
  const stream = await exec.start({ hijack: true, stdin: true, Tty: tty });
  const detach = tty
    ? attachTerminal(deps.stdin, stream, exec, context)
    : attachPipes(docker, deps.stdin, stream, context);
  try {
    await new Promise<void>((resolve) => {
      stream.once('end', resolve);
      stream.once('close', resolve);
      stream.once('error', () => resolve());
    });
  } finally {
    detach();
    stream.destroy();
  }
  return (await execExitCode(exec)) ?? 1;
}

/** Raw keystrokes in, the TTY's bytes out, and the container's TTY follows the local window size. */
function attachTerminal(stdin: ExecInput, stream: Duplex, exec: Docker.Exec, context: CliContext): () => void {
  const stdout = context.stdout as NodeJS.WritableStream & { columns?: number; rows?: number };
  const resize = () => {
    if (stdout.columns && stdout.rows) exec.resize({ w: stdout.columns, h: stdout.rows }).catch(() => undefined);
  };
  const onInput = (chunk: Buffer) => stream.write(chunk);
  const onOutput = (chunk: Buffer) => context.stdout.write(chunk);
  stdin.setRawMode?.(true);
  stdin.on('data', onInput);
  stdin.resume();
  stream.on('data', onOutput);
  context.stdout.on('resize', resize);
  resize();
  return () => {
    stdin.removeListener('data', onInput);
    stdin.setRawMode?.(false);
    stdin.pause();
    context.stdout.removeListener('resize', resize);
  };
}

/** Without a TTY the engine multiplexes stdout and stderr; stdin's end is passed on so `cat` and friends finish. */
function attachPipes(docker: Docker, stdin: ExecInput, stream: Duplex, context: CliContext): () => void {
  docker.modem.demuxStream(stream, context.stdout, context.stderr);
  const onInput = (chunk: Buffer) => stream.write(chunk);
  const onEnd = () => stream.end();
  stdin.on('data', onInput);
  stdin.once('end', onEnd);
  stdin.resume();
  return () => {
    stdin.removeListener('data', onInput);
    stdin.removeListener('end', onEnd);
    stdin.pause();
  };
}
