import { useSyncExternalStore } from 'react';
import type { LogTarget } from '@shared/schemas/logs';
import { useBerthStore } from '../../stores/store';

let current: LogTarget | null = null;
const listeners = new Set<() => void>();

export function setLogsTarget(target: LogTarget | null): void {
  current = target;
  for (const listener of listeners) listener();
}

/** Shows the Logs page on `target`: for "Logs" actions elsewhere (a container row, a project card). */
export function openLogs(target: LogTarget): void {
  setLogsTarget(target);
  useBerthStore.getState().setPage('logs');
}

export function useLogsTarget(): LogTarget | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

export function targetKey(target: LogTarget): string {
  return JSON.stringify(target);
}

export function describeTarget(target: LogTarget, containerName?: string): string {
  if (target.kind === 'project') return target.project;
  if (target.kind === 'service') return `${target.project}-${target.service}`;
  if (target.kind === 'swarm-service') return target.name;
  return containerName ?? target.id.slice(0, 12);
}
