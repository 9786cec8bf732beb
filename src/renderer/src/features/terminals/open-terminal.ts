import { useBerthStore } from '../../stores/store';
import { terminalSessions } from './terminal-sessions';

/** Opens a shell in a running container in a new tab and shows the Terminals page. */
export function openContainerShell(containerId: string, name: string): string {
  const id = terminalSessions.open({ target: 'container', containerId }, name);
  useBerthStore.getState().setPage('terminals');
  return id;
}

/** Opens the user's login shell on this machine, in `cwd` (a project folder) or the home directory. */
export function openHostShell(cwd?: string, title = 'Host shell'): string {
  const id = terminalSessions.open(cwd ? { target: 'host', cwd } : { target: 'host' }, title);
  useBerthStore.getState().setPage('terminals');
  return id;
}
