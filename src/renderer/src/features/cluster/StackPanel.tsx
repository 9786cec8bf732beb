import { useState } from 'react';
import { Trash2 } from 'lucide-react';
import type { ErrorPayload } from '@shared/errors';
import type { StackService, StackTask } from '@shared/schemas/cluster';
import { api } from '../../lib/api';
import { Button } from '../../components/Button';
import { ErrorNote } from '../../components/ErrorNote';
import { TypedConfirm } from '../../components/TypedConfirm';
import { ServiceRow } from './ServiceRow';

interface StackPanelProps {
  /** The stack's name; null for services that belong to no stack. */
  stack: string | null;
  services: StackService[];
  tasks: StackTask[];
  onRemoved(message: string): void;
}

/** One stack: its services with replicas, image, ports and update state, and removing the whole stack. */
export function StackPanel({ stack, services, tasks, onRemoved }: StackPanelProps) {
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const title = stack ?? 'Services outside stacks';
  return (
    <section className="panel cluster-stack" data-testid="cluster-stack" data-stack={stack ?? ''} aria-label={title}>
      <div className="toolbar">
        <h2>{stack ? `Stack ${stack}` : title}</h2>
        <span className="muted">
          {services.length} service{services.length === 1 ? '' : 's'}
        </span>
        <span className="toolbar-spacer" />
        {stack && (
          <Button
            size="sm"
            variant="destructive"
            icon={<Trash2 size={14} aria-hidden="true" />}
            pending={removing}
            disabled={removing}
            onClick={() => setConfirming(true)}
            data-testid="cluster-remove-stack"
          >
            Remove stack…
          </Button>
        )}
      </div>
      {error && <ErrorNote error={error} testId="cluster-stack-error" onDismiss={() => setError(null)} />}
      {confirming && stack && (
        <TypedConfirm
          title={`Remove the stack ${stack}?`}
          expected={stack}
          action="Remove stack"
          onCancel={() => setConfirming(false)}
          onConfirm={async (typed) => {
            setConfirming(false);
            setRemoving(true);
            const result = await api.cluster.removeStack({ stack, confirmName: typed });
            setRemoving(false);
            setError(result.ok ? null : result.error);
            if (result.ok) {
              const { services: removed, networks, secrets, configs } = result.value;
              onRemoved(
                `Removed stack ${stack}: ${removed} services, ${networks} networks, ${secrets} secrets, ${configs} configs.`,
              );
            }
          }}
        >
          <p>
            Its {services.length} service{services.length === 1 ? '' : 's'} stop on every node; then its networks,
            secrets and configs are removed. Named volumes stay on the nodes.
          </p>
          <ul className="mono">
            {services.map((service) => (
              <li key={service.id}>{service.name}</li>
            ))}
          </ul>
        </TypedConfirm>
      )}
      <div className="table-frame">
        <table className="data-table cluster-services">
          <thead>
            <tr>
              <th className="col-service">Service</th>
              <th className="col-mode">Mode</th>
              <th className="col-replicas">Replicas</th>
              <th>Image</th>
              <th>Ports</th>
              <th className="col-update">Update</th>
              <th className="col-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => (
              <ServiceRow
                key={service.id}
                service={service}
                tasks={tasks.filter((task) => task.serviceId === service.id)}
                onError={setError}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
