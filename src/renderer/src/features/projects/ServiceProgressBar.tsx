import type { ServiceProgress } from '../../stores/operation-progress';

const PHASE_LABELS: Partial<Record<ServiceProgress['phase'], string>> = {
  pulling: 'Pulling',
  pulled: 'Pulled',
  building: 'Building',
  built: 'Built',
  creating: 'Creating',
  created: 'Created',
  starting: 'Starting',
  'waiting-healthy': 'Waiting until healthy',
  healthy: 'Healthy',
  running: 'Running',
  stopping: 'Stopping',
  stopped: 'Stopped',
  removing: 'Removing',
  removed: 'Removed',
  'up-to-date': 'Up to date',
  error: 'Failed',
};

function percentOf(current?: number, total?: number): number | null {
  return current !== undefined && total ? Math.min(100, Math.round((current / total) * 100)) : null;
}

/** What an operation is doing to one service right now, with a bar per layer while pulling. */
export function ServiceProgressBar({ progress }: { progress: ServiceProgress }) {
  const label = PHASE_LABELS[progress.phase] ?? progress.phase;
  return (
    <div className="service-progress" data-testid="service-progress" data-phase={progress.phase}>
      <span>
        {label}
        {progress.percent !== null && progress.phase === 'pulling' ? ` ${Math.round(progress.percent)}%` : ''}
      </span>
      {progress.phase === 'pulling' &&
        progress.layers.map((layer) => {
          const percent = percentOf(layer.current, layer.total);
          return (
            <div key={layer.id} className="layer-progress" title={`${layer.id}: ${layer.status}`}>
              <span className="mono">{layer.id.slice(0, 12)}</span>
              <progress max={100} value={percent ?? undefined} aria-label={`Layer ${layer.id} ${layer.status}`} />
              <span className="muted">{layer.status}</span>
            </div>
          );
        })}
    </div>
  );
}
