import type { CliCommand } from '../command';

/** A `berth` subcommand as `berth --help` lists it; its code loads only when it runs, so start-up stays cheap. */
export interface CommandEntry {
  name: string;
  /** One line for `berth --help`. */
  summary: string;
  load(): Promise<CliCommand>;
}

/** Every `berth` subcommand, in the order `berth --help` lists them: the Compose lifecycle first. */
export const COMMANDS: CommandEntry[] = [
  {
    name: 'up',
    summary: 'Create and start the Compose project (like docker compose up -d)',
    load: async () => (await import('./up')).upCommand,
  },
  {
    name: 'down',
    summary: 'Stop and remove the Compose project',
    load: async () => (await import('./down')).downCommand,
  },
  {
    name: 'start',
    summary: 'Start existing containers of the project',
    load: async () => (await import('./start')).startCommand,
  },
  { name: 'stop', summary: 'Stop the project containers', load: async () => (await import('./stop')).stopCommand },
  {
    name: 'restart',
    summary: 'Restart the project containers',
    load: async () => (await import('./restart')).restartCommand,
  },
  {
    name: 'rm',
    summary: 'Remove stopped containers of the Compose project',
    load: async () => (await import('./rm')).rmCommand,
  },
  {
    name: 'ps',
    summary: 'List the containers of the Compose project',
    load: async () => (await import('./ps')).psCommand,
  },
  { name: 'ls', summary: 'List Compose projects on the engine', load: async () => (await import('./ls')).lsCommand },
  {
    name: 'pull',
    summary: 'Pull the images of the Compose project',
    load: async () => (await import('./pull')).pullCommand,
  },
  {
    name: 'build',
    summary: 'Build the images of the Compose project',
    load: async () => (await import('./build')).buildCommand,
  },
  {
    name: 'config',
    summary: 'Parse, resolve and render the Compose project (like docker compose config)',
    load: async () => (await import('./config')).configCommand,
  },
  {
    name: 'logs',
    summary: "Show (and follow) the logs of the project's containers",
    load: async () => (await import('./logs')).logsCommand,
  },
  {
    name: 'exec',
    summary: 'Run a command (or a shell) in a running service container',
    load: async () => (await import('./exec')).execCommand,
  },
  {
    name: 'volumes',
    summary: 'List volumes and browse what is inside them',
    load: async () => (await import('./volumes')).volumesCommand,
  },
  {
    name: 'gpus',
    summary: 'List GPUs, who uses them, and whether containers can get them',
    load: async () => (await import('./gpus')).gpusCommand,
  },
  {
    name: 'engine',
    summary: 'Show the Docker engine Berth connects to',
    load: async () => (await import('./engine')).engineCommand,
  },
];
