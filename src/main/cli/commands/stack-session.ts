import type Docker from 'dockerode';
import type { CliContext } from '../command';

/** What every `berth stack` subcommand gets: the engine and a signal aborted on Ctrl-C. */
export interface StackSession {
  context: CliContext;
  docker: Docker;
  signal: AbortSignal;
}
