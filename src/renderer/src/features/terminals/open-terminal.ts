import { useBerthStore } from '../../stores/store';
import { terminalSessions } from './terminal-sessions';

export interface ContainerShellOptions {
  /** A shell the image has; default: bash, then sh. */
  shell?: string;
  user?: string;
  workdir?: string;
}

/** Opens a shell in a running container in a new tab and shows the Terminals page. */
export function openContainerShell(containerId: string, name: string, options: ContainerShellOptions = {}): string {
  const chosen = Object.fromEntries(Object.entries(options).filter(([, value]) => value)) as ContainerShellOptions;
  const id = terminalSessions.open({ target: 'container', containerId, ...chosen }, name);
  useBerthStore.getState().setPage('terminals');
  return id;
}

/** Opens the user's login shell on this machine, in `cwd` (a project folder) or the home directory. */
export function openHostShell(cwd?: string, title = 'Host shell'): string {
  const id = terminalSessions.open(cwd ? { target: 'host', cwd } : { target: 'host' }, title);
  useBerthStore.getState().setPage('terminals');
  return id;
}
