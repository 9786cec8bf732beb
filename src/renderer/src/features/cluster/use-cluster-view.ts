import { useEffect, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { ClusterNode, ClusterViewMessage, StackService, StackSummary, StackTask } from '@shared/schemas/cluster';
import { subscribe } from '../../lib/api';

export interface ClusterView {
  /** `loading` until the first answer; `unavailable` while the engine is not a swarm manager (or can't be read). */
  status: 'loading' | 'ready' | 'unavailable';
  nodes: ClusterNode[];
  stacks: StackSummary[];
  services: StackService[];
  tasks: StackTask[];
  /** Why the cluster can't be shown, and what to do. */
  unavailable: { reason: string; fix?: string } | null;
  /** The stream itself failed. */
  error: ErrorPayload | null;
}

const EMPTY: ClusterView = {
  status: 'loading',
  nodes: [],
  stacks: [],
  services: [],
  tasks: [],
  unavailable: null,
  error: null,
};

/**
 * The live cluster while the page is open: main sends each section (nodes, services, tasks) whole when the engine
 * says it changed, and follows the engine when it becomes a swarm manager. `attempt` reopens the stream.
 */
export function useClusterView(enabled: boolean, attempt: number): ClusterView {
  const [view, setView] = useState<ClusterView>(EMPTY);
  useEffect(() => {
    if (!enabled) return;
    const close = subscribe(
      'clusterView',
      {},
      {
        onMessage: (message) => setView((previous) => next(previous, message)),
        onClose(error) {
          if (error) setView((previous) => ({ ...previous, error }));
        },
      },
    );
    // The next stream (another attempt, the engine back) starts from nothing, not from what this one saw.
    return () => {
      close();
      setView(EMPTY);
    };
  }, [enabled, attempt]);
  return view;
}

function next(view: ClusterView, message: ClusterViewMessage): ClusterView {
  if (message.type === 'unavailable')
    return { ...view, status: 'unavailable', unavailable: { reason: message.reason, fix: message.fix } };
  const ready = { ...view, status: 'ready' as const, unavailable: null };
  if (message.type === 'nodes') return { ...ready, nodes: message.nodes };
  if (message.type === 'services') return { ...ready, stacks: message.stacks, services: message.services };
  return { ...ready, tasks: message.tasks };
}
