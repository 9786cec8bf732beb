import { useBerthStore } from '../../stores/store';
import type { TerminalTarget } from './terminal-connection';

export interface ContainerShellOptions {
  /** A shell the image has; default: bash, then sh. */
  shell?: string;
  user?: string;
  workdir?: string;
}

/**
 * Opens a session in a new tab and shows the Terminals page. The sessions (and xterm with them) load on the first
 * call, so a user who never opens a terminal never downloads it.
 */
function openSession(target: TerminalTarget, title: string): void {
  useBerthStore.getState().setPage('terminals');
  void import('./terminal-sessions').then(({ terminalSessions }) => terminalSessions.open(target, title));
}

/** A shell in a running container. */
export function openContainerShell(containerId: string, name: string, options: ContainerShellOptions = {}): void {
  const chosen = Object.fromEntries(Object.entries(options).filter(([, value]) => value)) as ContainerShellOptions;
  openSession({ target: 'container', containerId, ...chosen }, name);
}

/** The user's login shell on this machine, in `cwd` (a project folder) or the home directory. */
export function openHostShell(cwd?: string, title = 'Host shell'): void {
  openSession(cwd ? { target: 'host', cwd } : { target: 'host' }, title);
}
