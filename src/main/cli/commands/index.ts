import type { CliCommand } from '../command';
import { engineCommand } from './engine';

/** Every `berth` subcommand, in the order `berth --help` lists them. */
export const COMMANDS: CliCommand[] = [engineCommand];
