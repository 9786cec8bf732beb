import type { CliCommand } from '../command';
import { buildCommand } from './build';
import { configCommand } from './config';
import { downCommand } from './down';
import { engineCommand } from './engine';
import { execCommand } from './exec';
import { gpusCommand } from './gpus';
import { logsCommand } from './logs';
import { lsCommand } from './ls';
import { psCommand } from './ps';
import { pullCommand } from './pull';
import { restartCommand } from './restart';
import { rmCommand } from './rm';
import { startCommand } from './start';
import { stopCommand } from './stop';
import { upCommand } from './up';
import { volumesCommand } from './volumes';

/** Every `berth` subcommand, in the order `berth --help` lists them: the Compose lifecycle first. */
export const COMMANDS: CliCommand[] = [
  upCommand,
  downCommand,
  startCommand,
  stopCommand,
  restartCommand,
  rmCommand,
  psCommand,
  lsCommand,
  pullCommand,
  buildCommand,
  configCommand,
  logsCommand,
  execCommand,
  volumesCommand,
  gpusCommand,
  engineCommand,
];
