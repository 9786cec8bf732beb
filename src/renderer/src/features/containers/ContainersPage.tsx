import { useEffect, useMemo } from 'react';
import type { GpuRequest } from '@shared/schemas/gpu';
import { useNow } from '../../status/clock';
import { useEngineGate } from '../../status/engine-gate';
import { useBerthStore } from '../../stores/store';
import { gpuRequestLabel, requestsOf } from '../gpus/gpu-requests-label';
import { ContainerRow } from './ContainerRow';
import { groupByProject } from './group-by-project';
import './containers.css';

const NO_REQUESTS: GpuRequest[] = [];

/** Every container, grouped by Compose project; the table narrows (Image goes first) instead of scrolling sideways. */
export function ContainersPage() {
  const containers = useBerthStore((state) => state.containers);
  const loaded = useBerthStore((state) => state.containersLoaded);
  const gate = useEngineGate();
  const now = useNow();
  const groups = useMemo(() => groupByProject(Object.values(containers)), [containers]);
  const gpuRequests = useBerthStore((state) => state.gpuOverview?.requests ?? NO_REQUESTS);
  const loadGpuOverview = useBerthStore((state) => state.loadGpuOverview);
  useEffect(() => {
    if (gate.connected) void loadGpuOverview();
  }, [gate.connected, loadGpuOverview]);

  if (!loaded) {
    return <p className="empty">{gate.connected ? 'Loading containers…' : 'Waiting for the Docker engine…'}</p>;
  }
  if (groups.length === 0) {
    return <p className="empty">No containers yet. Start a stack from Projects, or run one with Docker.</p>;
  }
  return (
    <div className="containers-page">
      {!gate.connected && <p className="engine-note">{gate.reason} The states below are the last ones known.</p>}
      {groups.map((group) => (
        <section
          key={group.project ?? '(standalone)'}
          className="container-group table-frame"
          data-testid="container-group"
          data-project={group.project ?? ''}
          aria-label={group.project ?? 'Standalone containers'}
        >
          <h2>
            <span className="truncate">{group.project ?? 'Standalone containers'}</span>
            <span className="group-count">
              {group.running}/{group.containers.length} running
            </span>
          </h2>
          <table className="data-table container-table">
            <thead>
              <tr>
                <th className="name-cell">Name</th>
                <th>Service</th>
                <th className="col-image">Image</th>
                <th className="col-state">State</th>
                <th className="col-status">Status</th>
                <th className="col-ports">Ports</th>
                <th className="col-actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {group.containers.map((container) => (
                <ContainerRow
                  key={container.id}
                  container={container}
                  connected={gate.connected}
                  now={now}
                  gpuLabels={
                    container.compose
                      ? requestsOf(gpuRequests, container.compose.project, container.compose.service).map(
                          gpuRequestLabel,
                        )
                      : []
                  }
                />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
