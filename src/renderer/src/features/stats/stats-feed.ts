import { useEffect } from 'react';
import { create } from 'zustand';
import type { StreamHandle } from '@shared/contract';
import type { StatsSelection } from '@shared/schemas/stats';
import { api } from '../../lib/api';
import { EMPTY_STATS, withStatsMessage, type StatsData } from './stats-data';

export const useStatsData = create<StatsData>(() => EMPTY_STATS);

/** What the views on screen can see, by view; their union is what main samples. */
const interests = new Map<symbol, Partial<StatsSelection>>();
let handle: StreamHandle | null = null;

function unionOfInterests(): StatsSelection {
  const union: StatsSelection = { containers: [], services: [], projects: [], all: false };
  for (const interest of interests.values()) {
    union.all ||= interest.all ?? false;
    union.containers.push(...(interest.containers ?? []));
    union.services.push(...(interest.services ?? []));
    union.projects.push(...(interest.projects ?? []));
  }
  union.containers = [...new Set(union.containers)];
  union.projects = [...new Set(union.projects)];
  return union;
}

const isEmpty = (selection: StatsSelection) =>
  !selection.all && !selection.containers.length && !selection.services.length && !selection.projects.length;

/**
 * Opens the one stats stream when something visible wants figures, tells main what changed, and closes the
 * stream when nothing does or the window is hidden: main then samples nothing at all.
 */
function reconcile(): void {
  const selection = unionOfInterests();
  const wanted = !isEmpty(selection) && document.visibilityState === 'visible';
  if (!wanted) {
    handle?.close();
    handle = null;
    return;
  }
  if (handle) {
    handle.send({ type: 'select', selection });
    return;
  }
  const opened: StreamHandle = api.streams.open(
    'stats',
    { selection, history: true },
    {
      onMessage(message, cost) {
        useStatsData.setState((data) => withStatsMessage(data, message));
        opened.ack(cost);
      },
      onClose(error) {
        if (handle === opened) handle = null;
        if (error) useStatsData.setState({ notice: error.message });
      },
    },
  );
  handle = opened;
}

let listening = false;
function listenToVisibility(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('visibilitychange', reconcile);
}

/**
 * Declares that the calling view shows figures for `selection` while it is mounted (null: nothing now). Views
 * pass a stable key (JSON) of what they see, so a re-render does not resend the selection.
 */
export function useStatsInterest(selection: Partial<StatsSelection> | null): void {
  const key = selection ? JSON.stringify(selection) : '';
  useEffect(() => {
    if (!key) return;
    listenToVisibility();
    const id = Symbol('stats interest');
    interests.set(id, JSON.parse(key) as Partial<StatsSelection>);
    reconcile();
    return () => {
      interests.delete(id);
      reconcile();
    };
  }, [key]);
}
