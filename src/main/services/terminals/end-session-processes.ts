import type Docker from 'dockerode';
import { runExecToCompletion } from './exec-exit-code';

/** Set in every container shell's environment; its descendants inherit it, which is how they are found again. */
export const SESSION_MARKER_VARIABLE = 'BERTH_TERMINAL_SESSION';

/**
 * Hangs up, then kills, every process whose environment carries the session marker. The marker value is passed
 * as an argument, so it appears in this script's command line but never in its environment.
 */
const END_SCRIPT = [
  `m="${SESSION_MARKER_VARIABLE}=$1"; pids=`,
  'for e in /proc/[0-9]*/environ; do',
  '  if grep -qs "$m" "$e"; then p=${e%/environ}; pids="$pids ${p#/proc/}"; fi',
  'done',
  '[ -z "$pids" ] && exit 0',
  'kill -HUP $pids 2>/dev/null; sleep 1; kill -KILL $pids 2>/dev/null; exit 0',
].join('\n');

/**
 * Ends a container shell and everything it started. Docker keeps an exec's process running when the client
 * disconnects (closing the hijacked stream is not enough), so closing a tab would otherwise leave orphans.
 * Runs as the session's user: reading another user's /proc/<pid>/environ needs CAP_SYS_PTRACE.
 */
export async function endSessionProcesses(
  container: Docker.Container,
  session: { marker: string; user?: string; shell: string },
): Promise<boolean> {
  const shells = [...new Set(['sh', session.shell, 'bash'])];
  for (const shell of shells) {
    const exitCode = await runExecToCompletion(container, {
      cmd: [shell, '-c', END_SCRIPT, 'berth-end-terminal', session.marker],
      user: session.user,
    }).catch(() => null);
    if (exitCode === 0) return true;
  }
  return false;
}
