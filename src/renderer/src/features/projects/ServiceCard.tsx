import { Play, RotateCw, ScrollText, Square, SquareTerminal } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { ContainerSummary } from '@shared/schemas/containers';
import { imageRepository } from '@shared/ml-links';
import type { ServiceInfo } from '@shared/schemas/projects';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ErrorNote } from '../../components/ErrorNote';
import { PortLinks } from '../../components/PortLinks';
import { Spinner } from '../../components/Spinner';
import { StatusDot } from '../../components/StatusDot';
import { Truncate } from '../../components/Truncate';
import { api } from '../../lib/api';
import { useNow } from '../../status/clock';
import { containerStatus, mainContainer, type ContainerStatus } from '../../status/container-status';
import { endedAgo, uptimeOf } from '../../status/elapsed';
import { useEngineGate } from '../../status/engine-gate';
import { useBerthStore } from '../../stores/store';
import type { ServiceProgress } from '../../stores/operation-progress';
import { openLogs } from '../logs/logs-target';
import { ServiceFigures } from '../stats/ServiceFigures';
import { openContainerShell } from '../terminals/open-terminal';
import { ServiceProgressBar } from './ServiceProgressBar';
import { StartWithoutGpu } from './StartWithoutGpu';

export interface ServiceCardProps {
  projectKey: string;
  project: string;
  service: ServiceInfo;
  containers: ContainerSummary[];
  /** The running operation's progress for this service, if it touches it. */
  progress: ServiceProgress | undefined;
  /** "starting", "pulling image 45%": what the running operation is doing to it. */
  pending: string | null;
  /** "waiting for mlflow (healthy)". */
  waiting: string | null;
  /** An operation runs on the project: its buttons wait. */
  busy: boolean;
  error: ErrorPayload | null;
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

/** The card's state line: a pending operation wins, then the container's state, then "not created". */
function stateLine(status: ContainerStatus | null, pending: string | null, connected: boolean) {
  if (pending) return { tone: 'info' as const, label: pending, kind: 'pending' };
  if (status) return { tone: status.tone, label: status.label, kind: status.kind };
  return connected
    ? { tone: 'idle' as const, label: 'not created', kind: 'none' }
    : { tone: 'unknown' as const, label: 'unknown', kind: 'unknown' };
}

/** One service: its state in words and colour, why it is in it, how long, its links, errors, and actions. */
export function ServiceCard(props: ServiceCardProps) {
  const { projectKey, project, service, containers, progress, pending, waiting, busy, error } = props;
  const runCompose = useBerthStore((state) => state.runCompose);
  const dismissError = useBerthStore((state) => state.dismissServiceError);
  const gate = useEngineGate();
  const now = useNow();
  const main = mainContainer(containers);
  const status = main ? containerStatus(main, gate.connected, now) : null;
  const line = stateLine(status, waiting ? 'waiting' : pending, gate.connected);
  const uptime = main && gate.connected ? uptimeOf(main, now) : null;
  const ended = main && gate.connected ? endedAgo(main, now) : null;
  const query = useJupyterToken(main);
  const act = (action: 'start' | 'stop' | 'restart' | 'up') => runCompose(projectKey, action, [service.name]);
  const disabledReason = gate.reason ?? (busy ? 'Another operation is running on this project.' : undefined);
  const running = main?.state === 'running';
  // A restarting (crash-looping) container is stopped, not started: Start would do nothing.
  const active = running || main?.state === 'restarting';

  return (
    <article
      className={`service-card tone-${line.tone}`}
      data-testid="service-card"
      data-service={service.name}
      data-state={main?.state ?? 'not created'}
      data-status={line.kind}
      data-tone={line.tone}
      data-health={main?.health ?? ''}
      aria-label={`Service ${service.name}: ${line.label}`}
    >
      <header className="service-card-header">
        <StatusDot tone={line.tone} pulse={line.kind === 'pending'} />
        <h3 className="service-name">
          <Truncate text={service.name} />
        </h3>
        <span className="service-state" data-testid="service-state">
          {line.label}
        </span>
      </header>
      {(status?.detail || ended) && !pending && (
        <p className="service-detail" data-testid="service-detail">
          {[status?.detail, ended].filter(Boolean).join(' · ')}
        </p>
      )}
      {waiting && (
        <p className="service-waiting" data-testid="service-waiting">
          <Spinner size={12} />
          {waiting}
        </p>
      )}
      {status?.fix && !error && !status.engineError && (
        <p className="service-fix" data-testid="service-fix">
          <span className="error-note-fix-label">To fix: </span>
          {status.fix}
        </p>
      )}
      {status && status.lastLines.length > 0 && status.tone === 'bad' && (
        <div className="service-last-lines" data-testid="service-last-lines">
          <pre>{status.lastLines.slice(-3).join('\n')}</pre>
          <button
            type="button"
            className="link-button"
            onClick={() => openLogs({ kind: 'service', project, service: service.name })}
          >
            All logs
          </button>
        </div>
      )}
      <dl className="facts">
        <dt>Image</dt>
        <dd className="mono">
          <Truncate text={service.image ?? (service.build ? 'built from source' : '—')} />
        </dd>
        {uptime && (
          <>
            <dt>Up</dt>
            <dd data-testid="service-uptime">{uptime}</dd>
          </>
        )}
        {service.gpu && (
          <>
            <dt>GPUs</dt>
            <dd>
              <Badge testId="gpu-badge">{gpuLabel(service.gpu)}</Badge>
            </dd>
          </>
        )}
        {main && main.ports.length > 0 && (
          <>
            <dt>Open</dt>
            <dd>
              <PortLinks image={main.image} ports={main.ports} query={query} />
            </dd>
          </>
        )}
      </dl>
      {running && <ServiceFigures project={project} service={service.name} />}
      {progress && progress.phase === 'pulling' && <ServiceProgressBar progress={progress} />}
      {!error && status?.engineError && <ErrorNote compact error={status.engineError} testId="service-engine-error" />}
      {error && (
        <ErrorNote
          compact
          error={error}
          testId="service-error"
          onDismiss={() => dismissError(projectKey, service.name)}
          actions={
            <>
              <Button
                size="sm"
                disabled={Boolean(disabledReason)}
                onClick={() => act(main ? 'start' : 'up')}
                data-testid="service-retry"
              >
                Retry
              </Button>
              {error.code === 'E_GPU_UNAVAILABLE' && (
                <StartWithoutGpu projectKey={projectKey} services={[service.name]} />
              )}
            </>
          }
        />
      )}
      <div className="service-actions">
        {active ? (
          <>
            <Button
              size="sm"
              icon={<Square size={13} aria-hidden="true" />}
              disabled={Boolean(disabledReason)}
              title={disabledReason}
              onClick={() => act('stop')}
              data-testid="service-stop"
            >
              Stop
            </Button>
            <Button
              size="sm"
              icon={<RotateCw size={13} aria-hidden="true" />}
              disabled={Boolean(disabledReason)}
              title={disabledReason}
              onClick={() => act('restart')}
            >
              Restart
            </Button>
            {running && (
              <Button
                size="sm"
                icon={<SquareTerminal size={13} aria-hidden="true" />}
                disabled={!gate.connected}
                title={gate.reason ?? `Open a shell in ${main.name}`}
                onClick={() => openContainerShell(main.id, main.name)}
                data-testid="service-shell"
              >
                Shell
              </Button>
            )}
          </>
        ) : (
          <Button
            size="sm"
            icon={<Play size={13} aria-hidden="true" />}
            disabled={Boolean(disabledReason)}
            title={disabledReason}
            pending={Boolean(pending)}
            onClick={() => act(main ? 'start' : 'up')}
            data-testid="service-start"
          >
            Start
          </Button>
        )}
        <Button
          size="sm"
          variant="ghost"
          icon={<ScrollText size={13} aria-hidden="true" />}
          onClick={() => openLogs({ kind: 'service', project, service: service.name })}
          data-testid="service-logs"
        >
          Logs
        </Button>
      </div>
    </article>
  );
}
