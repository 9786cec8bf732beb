import { create } from 'zustand';
import type { ErrorPayload } from '@shared/errors';
import type { ProjectRef } from '@shared/schemas/projects';
import type { WatchStatus } from '@shared/schemas/watch';
import { subscribe } from '../../lib/api';

export interface WatchSession {
  state: 'starting' | 'watching' | 'stopped' | 'failed';
  /** The last thing watch did (synced, rebuilt, an error on one service…). */
  last: WatchStatus | null;
  /** Why watching stopped on its own. */
  error: ErrorPayload | null;
}

interface WatchSessions {
  sessions: Record<string, WatchSession>;
  start(projectKey: string, project: ProjectRef): void;
  stop(projectKey: string): void;
}

/** Open watch streams by project key; they outlive the page that started them, like `berth watch` in a terminal. */
const closers = new Map<string, () => void>();

/** Compose's `develop.watch` per project: started and stopped by the Watch toggle, kept across page switches. */
export const useWatchSessions = create<WatchSessions>()((set, get) => {
  const update = (key: string, change: Partial<WatchSession>) => {
    const current = get().sessions[key] ?? { state: 'starting', last: null, error: null };
    set({ sessions: { ...get().sessions, [key]: { ...current, ...change } } });
  };
  return {
    sessions: {},
    start(key, project) {
      if (closers.has(key)) return;
      update(key, { state: 'starting', last: null, error: null });
      const close = subscribe(
        'watch',
        { project },
        {
          onMessage(message) {
            if (message.type !== 'status') return;
            const status = message.status;
            if (status.kind === 'watching') update(key, { state: 'watching', last: status });
            else if (status.kind === 'stopped') update(key, { state: 'stopped' });
            else update(key, { last: status });
          },
          onClose(error) {
            closers.delete(key);
            update(key, error ? { state: 'failed', error } : { state: 'stopped' });
          },
        },
      );
      closers.set(key, close);
    },
    stop(key) {
      closers.get(key)?.();
      closers.delete(key);
      update(key, { state: 'stopped' });
    },
  };
});

function clock(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

/** The status line under the toggle: what watch did last, and when. */
export function watchStatusLine(status: WatchStatus): string {
  switch (status.kind) {
    case 'watching':
      return `Watching ${status.services.join(', ')} since ${clock(status.at)}`;
    case 'synced': {
      const changed = plural(status.files.length + status.deleted.length, 'file');
      return `Synced ${changed} into ${status.service} at ${clock(status.at)} (${status.durationMs} ms)`;
    }
    case 'restarted':
      return `Restarted ${status.service} at ${clock(status.at)}`;
    case 'executed':
      return `Ran ${status.command.join(' ')} in ${status.service} at ${clock(status.at)} (exit ${status.exitCode})`;
    case 'rebuilding':
      return `Rebuilding ${status.service} (${plural(status.files.length, 'file')} changed)…`;
    case 'rebuilt':
      return `Rebuilt ${status.service} at ${clock(status.at)} in ${(status.durationMs / 1000).toFixed(1)} s`;
    case 'error':
      return `${status.service}: ${status.message}${status.fix ? ` — ${status.fix}` : ''}`;
    case 'stopped':
      return `Stopped watching at ${clock(status.at)}`;
  }
}
