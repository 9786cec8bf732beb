import { useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { ContainerSummary } from '@shared/schemas/containers';
import type { ProjectDetail, Stack } from '@shared/schemas/projects';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Switch } from '../../components/Switch';
import { useEngineGate } from '../../status/engine-gate';
import { operationTouches, type OperationState } from '../../stores/operation-progress';
import { useBerthStore } from '../../stores/store';
import { dependenciesOutside, runningDependents, stackState } from './project-state';
import { gpuShortfall, groupByStack, pendingLabel, waitingFor } from './service-view';
import { ServiceCard } from './ServiceCard';
import { StartWithoutGpu } from './StartWithoutGpu';

interface PendingToggle {
  stack: Stack;
  turnOn: boolean;
  /** Services the user should know about first: dependencies started along, or dependents left broken. */
  affected: string[];
}

interface StackGroupsProps {
  projectKey: string;
  detail: ProjectDetail;
  byService: Map<string, ContainerSummary[]>;
  operation: OperationState | undefined;
  errors: Record<string, ErrorPayload>;
}

const NO_ERRORS: Record<string, ErrorPayload> = {};

/**
 * The project's service cards, grouped under their stacks when it has several: each group starts with the stack's
 * switch (on brings its services up with what they depend on, off stops them; pending while that runs).
 */
export function StackGroups({ projectKey, detail, byService, operation, errors = NO_ERRORS }: StackGroupsProps) {
  const runCompose = useBerthStore((state) => state.runCompose);
  const capability = useBerthStore((state) => state.gpuOverview?.capability);
  const gate = useEngineGate();
  const [confirming, setConfirming] = useState<PendingToggle | null>(null);
  const busy = operation?.status === 'running';
  const grouped = detail.stacks.length > 1;
  const groups = grouped ? groupByStack(detail) : [{ stack: null, services: detail.services }];

  const apply = ({ stack, turnOn }: PendingToggle) => {
    setConfirming(null);
    runCompose(projectKey, turnOn ? 'up' : 'stop', stack.services);
  };
  const toggle = (stack: Stack) => {
    const turnOn = stackState(stack, byService) !== 'on';
    const affected = turnOn
      ? dependenciesOutside(detail, stack.services, byService)
      : runningDependents(detail, stack.services, byService);
    const request = { stack, turnOn, affected };
    if (affected.length > 0) setConfirming(request);
    else apply(request);
  };

  return (
    <div className={grouped ? 'stack-groups' : undefined}>
      {groups.map(({ stack, services }) => {
        const state = stack ? stackState(stack, byService) : null;
        const pending = stack !== null && operationTouches(operation, stack.services);
        const shortfall = stack ? gpuShortfall(stack, detail, capability) : null;
        const shownElsewhere = stack?.services.filter((name) => !services.some((service) => service.name === name));
        return (
          <section
            key={stack?.id ?? 'services'}
            className="stack-group"
            aria-label={stack ? `Stack ${stack.label}` : 'Services'}
            data-testid={stack ? 'stack' : undefined}
            data-stack={stack?.label}
            data-state={state ?? undefined}
          >
            {stack && (
              <header className="stack-header">
                <Switch
                  checked={state === 'on' ? true : state === 'partial' ? 'mixed' : false}
                  pending={pending}
                  disabled={busy || !gate.connected}
                  title={gate.reason ?? (pending ? `${stack.label}: ${operation?.action ?? ''} running…` : undefined)}
                  onToggle={() => toggle(stack)}
                  testId="stack-toggle"
                >
                  {stack.label}
                </Switch>
                <span className="muted stack-meta">
                  {stack.kind === 'profile' ? 'profile' : stack.file}
                  {shownElsewhere && shownElsewhere.length > 0 && ` · also ${shownElsewhere.join(', ')}`}
                </span>
                {shortfall && (
                  <>
                    <Badge tone="warn" testId="gpu-shortfall">
                      {shortfall}
                    </Badge>
                    <StartWithoutGpu projectKey={projectKey} services={stack.services} />
                  </>
                )}
              </header>
            )}
            {services.length > 0 && (
              <div className="service-grid">
                {services.map((service) => (
                  <ServiceCard
                    key={service.name}
                    projectKey={projectKey}
                    project={detail.name}
                    service={service}
                    containers={byService.get(service.name) ?? []}
                    progress={busy ? operation?.progress[service.name] : undefined}
                    pending={pendingLabel(operation, service.name)}
                    waiting={waitingFor(operation, detail, service.name)}
                    busy={busy}
                    error={errors[service.name] ?? null}
                  />
                ))}
              </div>
            )}
          </section>
        );
      })}
      {confirming && (
        <ConfirmDialog
          title={confirming.turnOn ? `Start ${confirming.stack.label}` : `Stop ${confirming.stack.label}`}
          action={confirming.turnOn ? 'Start them all' : 'Stop anyway'}
          destructive={!confirming.turnOn}
          onConfirm={() => apply(confirming)}
          onCancel={() => setConfirming(null)}
        >
          <p data-testid="confirm-affected">
            {confirming.turnOn
              ? `${confirming.stack.label} depends on ${confirming.affected.join(', ')}, which will start too.`
              : `${confirming.affected.join(', ')} depend${confirming.affected.length === 1 ? 's' : ''} on ${confirming.stack.label} and may stop working.`}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
