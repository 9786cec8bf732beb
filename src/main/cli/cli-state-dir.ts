import { homedir } from 'node:os';
import { berthStateDir } from '../services/compose/berth-overrides/state-dir';
import type { CliContext } from './command';

/** Berth's state directory as the app sees it, so the CLI runs the GPU pins made in the app. */
export function cliStateDir(context: CliContext): string {
  return berthStateDir(context.env, context.env.HOME || homedir());
}
