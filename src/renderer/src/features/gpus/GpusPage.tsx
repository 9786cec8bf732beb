import { RefreshCw } from 'lucide-react';
import { useEffect } from 'react';
import { Button } from '../../components/Button';
import { ErrorNote } from '../../components/ErrorNote';
import { useBerthStore } from '../../stores/store';
import { CapabilityPanel } from './CapabilityPanel';
import { GpuCard } from './GpuCard';
import { GpuRequestsPanel } from './GpuRequestsPanel';
import { useGpuMetrics } from './use-gpu-metrics';

export function GpusPage() {
  const overview = useBerthStore((state) => state.gpuOverview);
  const error = useBerthStore((state) => state.gpuOverviewError);
  const loading = useBerthStore((state) => state.gpuOverviewLoading);
  const load = useBerthStore((state) => state.loadGpuOverview);
  const loadAssignments = useBerthStore((state) => state.loadGpuAssignments);
  const hasGpus = (overview?.inventory.gpus.length ?? 0) > 0;
  const history = useGpuMetrics(hasGpus);

  const loadDeclared = useBerthStore((state) => state.loadDeclaredGpuRequests);
  const loadProjects = useBerthStore((state) => state.loadProjects);
  useEffect(() => {
    void load();
    void loadAssignments();
    void loadDeclared();
    // "Start without GPU" runs on a saved project: the store must know it.
    void loadProjects();
  }, [load, loadAssignments, loadDeclared, loadProjects]);

  return (
    <div className="gpus-page">
      <div className="toolbar">
        <Button
          size="sm"
          icon={<RefreshCw size={14} aria-hidden="true" />}
          onClick={() => {
            void load();
            void loadAssignments();
            void loadDeclared();
          }}
          disabled={loading}
          pending={loading}
          data-testid="gpu-refresh"
        >
          {loading ? 'Checking…' : 'Check again'}
        </Button>
      </div>
      {error && <ErrorNote error={error} testId="gpu-error" />}
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
      {overview && (
        <GpuRequestsPanel
          running={overview.requests}
          gpus={overview.inventory.gpus}
          engineHasGpus={overview.capability ? overview.capability.verdict === 'yes' : null}
        />
      )}
    </div>
  );
}
