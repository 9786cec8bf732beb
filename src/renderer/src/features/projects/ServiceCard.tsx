import { useEffect, useState } from 'react';
import type { ContainerSummary } from '@shared/schemas/containers';
import { imageRepository } from '@shared/ml-links';
import type { ServiceInfo } from '@shared/schemas/projects';
import { api } from '../../lib/api';
import { useBerthStore } from '../../stores/store';
import { PortLinks } from '../containers/PortLinks';
import { openLogs } from '../logs/logs-target';
import { openContainerShell } from '../terminals/open-terminal';
import { ErrorNote } from './ErrorNote';
import { serviceError, type OperationState } from './operation-progress';
import { uptimeOf } from './project-state';
import { ServiceProgressBar } from './ServiceProgressBar';

interface ServiceCardProps {
  project: string;
  service: ServiceInfo;
  containers: ContainerSummary[];
  operation: OperationState | undefined;
}

function gpuLabel(gpu: NonNullable<ServiceInfo['gpu']>): string {
  if (gpu.assigned) return `GPU ${gpu.assigned.join(', ')} (pinned in Berth)`;
  if (gpu.deviceIds.length) return `GPU ${gpu.deviceIds.join(', ')}`;
  return gpu.count === 'all' ? 'All GPUs' : `${gpu.count ?? 0} GPU${gpu.count === 1 ? '' : 's'}`;
}

/** Jupyter prints a login token on start; a link with it opens the notebook without a password prompt. */
function useJupyterToken(container: ContainerSummary | undefined): Record<string, string> | undefined {
  const [token, setToken] = useState<string | null>(null);
  const isJupyter = Boolean(container && /jupyter|notebook/.test(imageRepository(container.image)));
  const id = container?.state === 'running' ? container.id : null;
  useEffect(() => {
    if (!isJupyter || !id) return;
    let cancelled = false;
    void api.containers.jupyterToken({ id }).then((result) => {
      if (!cancelled && result.ok) setToken(result.value.token);
    });
    return () => {
      cancelled = true;
    };
  }, [isJupyter, id]);
  return token ? { token } : undefined;
}

export function ServiceCard({ project, service, containers, operation }: ServiceCardProps) {
  const runCompose = useBerthStore((state) => state.runCompose);
  const main = containers.find((container) => container.state === 'running') ?? containers[0];
  const state = main?.state ?? 'not created';
  const uptime = main ? uptimeOf(main) : null;
  const busy = operation?.status === 'running';
  const progress = busy ? operation.progress[service.name] : undefined;
  const error = serviceError(operation, service.name);
  const query = useJupyterToken(main);
  const act = (action: 'start' | 'stop' | 'restart' | 'up') => runCompose(project, action, [service.name]);

  return (
    <article
      className="service-card"
      data-testid="service-card"
      data-service={service.name}
      data-state={state}
      data-health={main?.health ?? ''}
      aria-label={`Service ${service.name}`}
    >
      <header>
        <span className={`state-dot state-${main?.state ?? 'none'}`} aria-hidden="true" />
        <h3>{service.name}</h3>
        <span className="service-state" data-testid="service-state">
          {state}
          {main?.health ? ` · ${main.health}` : ''}
        </span>
      </header>
      <dl className="facts">
        <dt>Image</dt>
        <dd className="mono">{service.image ?? (service.build ? 'built from source' : '—')}</dd>
        {uptime && (
          <>
            <dt>Up</dt>
            <dd>{uptime}</dd>
          </>
        )}
        {service.gpu && (
          <>
            <dt>GPUs</dt>
            <dd>
              <span className="badge" data-testid="gpu-badge">
                {gpuLabel(service.gpu)}
              </span>
            </dd>
          </>
        )}
        {main && main.ports.length > 0 && (
          <>
            <dt>Open</dt>
            <dd className="service-links">
              <PortLinks image={main.image} ports={main.ports} query={query} />
            </dd>
          </>
        )}
      </dl>
      {progress && <ServiceProgressBar progress={progress} />}
      {error && <ErrorNote error={error} testId="service-error" />}
      <div className="toolbar">
        {main?.state === 'running' ? (
          <>
            <button type="button" disabled={busy} onClick={() => act('restart')}>
              Restart
            </button>
            <button type="button" disabled={busy} onClick={() => act('stop')}>
              Stop
            </button>
            <button type="button" onClick={() => openContainerShell(main.id, main.name)} data-testid="service-shell">
              Shell
            </button>
          </>
        ) : (
          <button type="button" disabled={busy} onClick={() => act(main ? 'start' : 'up')} data-testid="service-start">
            Start
          </button>
        )}
        <button
          type="button"
          onClick={() => openLogs({ kind: 'service', project, service: service.name })}
          data-testid="service-logs"
        >
          Logs
        </button>
      </div>
    </article>
  );
}
