import { useEffect, useMemo } from 'react';
import type { GpuRequest } from '@shared/schemas/gpu';
import { useBerthStore } from '../../stores/store';
import { ContainerRow } from './ContainerRow';
import { gpuRequestLabel, requestsOf } from '../gpus/gpu-requests-label';
import { groupByProject } from './group-by-project';

const NO_REQUESTS: GpuRequest[] = [];

export function ContainersPage() {
  const containers = useBerthStore((state) => state.containers);
  const loaded = useBerthStore((state) => state.containersLoaded);
  const connected = useBerthStore((state) => state.engine?.status === 'connected');
  const groups = useMemo(() => groupByProject(Object.values(containers)), [containers]);
  const gpuRequests = useBerthStore((state) => state.gpuOverview?.requests ?? NO_REQUESTS);
  const loadGpuOverview = useBerthStore((state) => state.loadGpuOverview);
  useEffect(() => {
    if (connected) void loadGpuOverview();
  }, [connected, loadGpuOverview]);

  if (!loaded) {
    return <p className="empty">{connected ? 'Loading containers…' : 'Waiting for the Docker engine…'}</p>;
  }
  if (groups.length === 0) {
    return <p className="empty">No containers yet. Start a stack from Projects, or run one with Docker.</p>;
  }
  return (
    <div className="containers-page">
      {groups.map((group) => (
        <section
          key={group.project ?? '(standalone)'}
          className="container-group"
          data-testid="container-group"
          data-project={group.project ?? ''}
        >
          <h2>
            {group.project ?? 'Standalone containers'}
            <span className="group-count">
              {group.running}/{group.containers.length} running
            </span>
          </h2>
          <table className="container-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Service</th>
                <th>Image</th>
                <th>State</th>
                <th>Status</th>
                <th>Ports</th>
              </tr>
            </thead>
            <tbody>
              {group.containers.map((container) => (
                <ContainerRow
                  key={container.id}
                  container={container}
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
