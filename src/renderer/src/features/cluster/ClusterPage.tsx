import { useState } from 'react';
import type { StackService } from '@shared/schemas/cluster';
import { ErrorNote } from '../../components/ErrorNote';
import { Spinner } from '../../components/Spinner';
import { useBerthStore } from '../../stores/store';
import { NodesTable } from './NodesTable';
import { ProjectActions } from './ProjectActions';
import { StackPanel } from './StackPanel';
import { SwarmGuidance } from './SwarmGuidance';
import { useClusterView } from './use-cluster-view';
import './cluster.css';

/** Services grouped by stack, stacks by name; services outside any stack last. */
function byStack(services: StackService[]): Array<[string | null, StackService[]]> {
  const groups = new Map<string | null, StackService[]>();
  for (const service of services) groups.set(service.stack, [...(groups.get(service.stack) ?? []), service]);
  return [...groups].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
}

/** Swarm stacks on the connected engine, live from its events; deploy a project to it, or export one to Kubernetes. */
export function ClusterPage() {
  const connected = useBerthStore((state) => state.engine?.status === 'connected');
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const view = useClusterView(connected, attempt);

  return (
    <div className="cluster-page" data-testid="cluster-page" data-status={connected ? view.status : 'disconnected'}>
      <ProjectActions swarmReady={connected && view.status === 'ready'} />
      {notice && (
        <p className="muted" role="status" data-testid="cluster-notice">
          {notice}
        </p>
      )}
      {view.error && <ErrorNote error={view.error} testId="cluster-error" />}
      {!connected ? (
        <p className="empty">Waiting for the Docker engine…</p>
      ) : view.status === 'loading' ? (
        <p className="empty">
          <Spinner /> Reading the swarm…
        </p>
      ) : view.status === 'unavailable' ? (
        <SwarmGuidance reason={view.unavailable?.reason ?? ''} onRetry={() => setAttempt(attempt + 1)} />
      ) : (
        <>
          <NodesTable nodes={view.nodes} />
          {view.services.length === 0 && (
            <p className="empty" data-testid="cluster-no-stacks">
              No stacks on this swarm yet: deploy a project above, or with <code>berth stack deploy</code>.
            </p>
          )}
          {byStack(view.services).map(([stack, services]) => (
            <StackPanel key={stack ?? ''} stack={stack} services={services} tasks={view.tasks} onRemoved={setNotice} />
          ))}
        </>
      )}
    </div>
  );
}
