import { useEffect } from 'react';
import { useBerthStore } from '../../stores/store';
import { CapabilityPanel } from './CapabilityPanel';
import { GpuAssignControl } from './GpuAssignControl';
import { GpuCard } from './GpuCard';
import { gpuRequestLabel } from './gpu-requests-label';
import { useGpuMetrics } from './use-gpu-metrics';

export function GpusPage() {
  const overview = useBerthStore((state) => state.gpuOverview);
  const error = useBerthStore((state) => state.gpuOverviewError);
  const loading = useBerthStore((state) => state.gpuOverviewLoading);
  const load = useBerthStore((state) => state.loadGpuOverview);
  const loadAssignments = useBerthStore((state) => state.loadGpuAssignments);
  const assignmentsError = useBerthStore((state) => state.gpuAssignmentsError);
  const hasGpus = (overview?.inventory.gpus.length ?? 0) > 0;
  const history = useGpuMetrics(hasGpus);

  useEffect(() => {
    void load();
    void loadAssignments();
  }, [load, loadAssignments]);

  return (
    <div className="gpus-page">
      <div className="toolbar">
        <button
          type="button"
          onClick={() => {
            void load();
            void loadAssignments();
          }}
          disabled={loading}
          data-testid="gpu-refresh"
        >
          {loading ? 'Checking…' : 'Check again'}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error.message} {error.fix}
        </p>
      )}
      {overview && <CapabilityPanel capability={overview.capability} />}
      {overview && !hasGpus && (
        <section className="panel" data-testid="gpu-none">
          <h2>No GPUs found on this computer</h2>
          <ul>
            {overview.inventory.probes.map((probe) => (
              <li key={probe.probe}>
                {probe.probe}: {probe.status}
                {probe.detail ? ` — ${probe.detail}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {overview?.inventory.gpus.map((gpu) => (
        <GpuCard
          key={gpu.id}
          gpu={gpu}
          history={history[gpu.id] ?? []}
          usage={overview.usage.find((entry) => entry.gpuId === gpu.id)}
        />
      ))}
      {overview && overview.conflicts.length > 0 && (
        <section className="panel" data-testid="gpu-conflicts">
          <h2>Conflicts</h2>
          <ul>
            {overview.conflicts.map((conflict) => (
              <li key={conflict.message} className="warning">
                {conflict.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {overview && overview.requests.length > 0 && (
        <section className="panel" data-testid="gpu-requests">
          <h2>Services that request GPUs</h2>
          {assignmentsError && (
            <p className="error" role="alert">
              {assignmentsError.message} {assignmentsError.fix}
            </p>
          )}
          <ul>
            {overview.requests.map((request) => (
              <li key={`${request.project}/${request.service}`}>
                {request.project} / {request.service}: {gpuRequestLabel(request)}
                {request.running ? ' (running)' : ''}
                <GpuAssignControl project={request.project} service={request.service} gpus={overview.inventory.gpus} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
