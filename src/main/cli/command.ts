import type { Writable } from 'node:stream';

/** What every `berth` subcommand gets: no globals, so commands are testable in-process. */
export interface CliContext {
  /** The directory `berth` was started in; relative paths resolve against it, as the docker CLI does. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: Writable;
  stderr: Writable;
  /** True when stdout is a terminal (live displays, colors). */
  isTty: boolean;
}

export interface CliCommand {
  name: string;
  /** Full usage text for `berth <name> --help`. */
  usage: string;
  /** Returns the process exit code. Never throws for user errors: prints them and returns non-zero. */
  run(args: string[], context: CliContext): Promise<number>;
}
