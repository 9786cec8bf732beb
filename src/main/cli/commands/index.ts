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
    name: 'watch',
    summary: 'Keep running services in step with their files (develop.watch)',
    load: async () => (await import('./watch')).watchCommand,
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
    name: 'stats',
    summary: "Live CPU, memory, network and disk I/O of the project's containers (like docker stats)",
    load: async () => (await import('./stats')).statsCommand,
  },
  {
    name: 'df',
    summary: "Show the engine's disk use: images, containers, volumes, build cache, per project",
    load: async () => (await import('./df')).dfCommand,
  },
  {
    name: 'images',
    summary: "List images with sizes and users; an image's layers (images history IMAGE)",
    load: async () => (await import('./images')).imagesCommand,
  },
  {
    name: 'prune',
    summary: 'Free disk space: list unused images, stopped containers or build cache, then remove exactly that',
    load: async () => (await import('./prune')).pruneCommand,
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
  {
    name: 'engines',
    summary: 'List, add, test and pick engines (docker contexts, sockets, ssh and tcp hosts)',
    load: async () => (await import('./engines')).enginesCommand,
  },
  {
    name: 'stack',
    summary: 'Deploy the project to Docker Swarm and manage stacks (like docker stack)',
    load: async () => (await import('./stack')).stackCommand,
  },
  {
    name: 'export',
    summary: 'Export the project to other platforms (export kubernetes: manifests)',
    load: async () => (await import('./export')).exportCommand,
  },
];
