import type { CliCommand } from '../command';
import { configCommand } from './config';
import { engineCommand } from './engine';
import { gpusCommand } from './gpus';

/** Every `berth` subcommand, in the order `berth --help` lists them. */
export const COMMANDS: CliCommand[] = [configCommand, engineCommand, gpusCommand];
