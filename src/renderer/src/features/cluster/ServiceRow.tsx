import { useState } from 'react';
import { ChevronDown, ChevronRight, History, ScrollText } from 'lucide-react';
import type { ErrorPayload } from '@shared/errors';
import type { StackService, StackTask } from '@shared/schemas/cluster';
import { api } from '../../lib/api';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { IconButton } from '../../components/IconButton';
import { Truncate } from '../../components/Truncate';
import { openLogs } from '../logs/logs-target';
import { replicasTone } from './cluster-tones';
import { TasksTable } from './TasksTable';

interface ServiceRowProps {
  service: StackService;
  tasks: StackTask[];
  onError(error: ErrorPayload | null): void;
}

const COLUMNS = 7;

/** One service of a stack: its replicas, image, ports and update state; scale, roll back, show its tasks. */
export function ServiceRow({ service, tasks, onError }: ServiceRowProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<'scale' | 'rollback' | null>(null);
  // Short of its replicas with a task that says why (tasks come newest first): the reason is worth a badge.
  const problem = service.running < service.desired ? tasks.find((task) => task.error)?.error : undefined;

  const run = async (what: 'scale' | 'rollback', call: () => ReturnType<typeof api.cluster.rollback>) => {
    setBusy(what);
    const result = await call();
    setBusy(null);
    onError(result.ok ? null : result.error);
  };

  return (
    <>
      <tr data-testid="cluster-service" data-service={service.name}>
        <td>
          <span className="cluster-service-name">
            <IconButton
              icon={open ? <ChevronDown size={14} /> : <ChevronRight size={14} />}
              label={`${open ? 'Hide' : 'Show'} the tasks of ${service.name}`}
              size="sm"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
              data-testid="cluster-service-tasks-toggle"
            />
            <span className="mono truncate">{service.name}</span>
            {problem && (
              <Badge tone="bad" title={problem} testId="cluster-service-failing">
                failing
              </Badge>
            )}
          </span>
        </td>
        <td className="cluster-service-mode">{service.mode}</td>
        <td data-testid="cluster-service-replicas">
          <Badge tone={replicasTone(service.running, service.desired, problem !== undefined)}>
            {service.running}/{service.desired}
          </Badge>
        </td>
        <td className="muted">
          <Truncate text={service.image} />
        </td>
        <td className="muted mono">{service.ports.join(', ') || '—'}</td>
        <td title={service.updateMessage} data-testid="cluster-service-update">
          {service.updateState ?? '—'}
        </td>
        <td>
          <div className="cluster-service-actions">
            {service.mode === 'replicated' && (
              <form
                key={service.desired}
                className="cluster-scale"
                onSubmit={(event) => {
                  event.preventDefault();
                  const replicas = Number(new FormData(event.currentTarget).get('replicas'));
                  void run('scale', () => api.cluster.scale({ service: service.name, replicas }));
                }}
              >
                <input
                  name="replicas"
                  type="number"
                  min={0}
                  step={1}
                  required
                  defaultValue={service.desired}
                  aria-label={`Replicas of ${service.name}`}
                  data-testid="cluster-scale-input"
                />
                <Button size="sm" type="submit" pending={busy === 'scale'} data-testid="cluster-scale-apply">
                  Scale
                </Button>
              </form>
            )}
            <Button
              size="sm"
              variant="ghost"
              icon={<History size={14} aria-hidden="true" />}
              disabled={!service.canRollback || busy !== null}
              pending={busy === 'rollback'}
              title={
                service.canRollback ? 'Back to the spec before the last update' : 'No earlier version to go back to'
              }
              onClick={() => void run('rollback', () => api.cluster.rollback({ service: service.name }))}
              data-testid="cluster-rollback"
            >
              Roll back
            </Button>
            <Button
              size="sm"
              variant="ghost"
              icon={<ScrollText size={14} aria-hidden="true" />}
              title={`The logs of every task of ${service.name}, merged`}
              onClick={() => openLogs({ kind: 'swarm-service', serviceId: service.id, name: service.name })}
              data-testid="cluster-service-logs"
            >
              Logs
            </Button>
          </div>
        </td>
      </tr>
      {open && (
        <tr className="cluster-tasks-row">
          <td colSpan={COLUMNS}>
            <TasksTable tasks={tasks} serviceName={service.name} />
          </td>
        </tr>
      )}
    </>
  );
}
