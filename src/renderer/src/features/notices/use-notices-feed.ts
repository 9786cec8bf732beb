import { useEffect, useRef } from 'react';
import type { StreamHandle } from '@shared/contract';
import type { NoticesInterest } from '@shared/schemas/notices';
import { api } from '../../lib/api';
import { useBerthStore } from '../../stores/store';
import { useNotices } from './notices-store';

/** The projects the user opened in Berth (only their services are notified about), as one comparable string. */
const openedProjects = (state: ReturnType<typeof useBerthStore.getState>): string =>
  state.projects
    .filter((project) => project.saved)
    .map((project) => project.name)
    .join('\n');

const interestOf = (projects: string, muted: boolean): NoticesInterest => ({
  projects: projects ? projects.split('\n') : [],
  muted,
});

/** One notices stream for the app's lifetime; the interest (opened projects, mute) is resent when it changes. */
export function useNoticesFeed(): void {
  const projects = useBerthStore(openedProjects);
  const muted = useNotices((state) => state.muted);
  const handle = useRef<StreamHandle | null>(null);

  useEffect(() => {
    const initial = interestOf(openedProjects(useBerthStore.getState()), useNotices.getState().muted);
    const opened: StreamHandle = api.streams.open('notices', initial, {
      onMessage(notice, cost) {
        if (!useNotices.getState().muted) useNotices.getState().add(notice);
        opened.ack(cost);
      },
      onClose() {
        if (handle.current === opened) handle.current = null;
      },
    });
    handle.current = opened;
    return () => {
      handle.current = null;
      opened.close();
    };
  }, []);

  useEffect(() => {
    handle.current?.send(interestOf(projects, muted));
  }, [projects, muted]);
}
