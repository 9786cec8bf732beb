import { useState } from 'react';
import type { ContainerSummary } from '@shared/schemas/containers';
import type { ProjectDetail, Stack } from '@shared/schemas/projects';
import { useBerthStore } from '../../stores/store';
import { ConfirmPanel } from './ConfirmPanel';
import { dependenciesOutside, runningDependents, stackState } from './project-state';

interface PendingToggle {
  stack: Stack;
  turnOn: boolean;
  /** Services the user should know about first: dependencies started along, or dependents left broken. */
  affected: string[];
}

interface StackTogglesProps {
  detail: ProjectDetail;
  byService: Map<string, ContainerSummary[]>;
  busy: boolean;
}

/** One switch per stack: on brings its services up with what they depend on, off stops them. */
export function StackToggles({ detail, byService, busy }: StackTogglesProps) {
  const runCompose = useBerthStore((state) => state.runCompose);
  const [pending, setPending] = useState<PendingToggle | null>(null);
  const apply = ({ stack, turnOn }: PendingToggle) => {
    setPending(null);
    runCompose(detail.name, turnOn ? 'up' : 'stop', stack.services);
  };
  const toggle = (stack: Stack) => {
    const turnOn = stackState(stack, byService) !== 'on';
    const affected = turnOn
      ? dependenciesOutside(detail, stack.services, byService)
      : runningDependents(detail, stack.services, byService);
    const request = { stack, turnOn, affected };
    if (affected.length > 0) setPending(request);
    else apply(request);
  };

  return (
    <section className="stacks" aria-label="Stacks">
      <h2>Stacks</h2>
      <ul className="stack-list">
        {detail.stacks.map((stack) => {
          const state = stackState(stack, byService);
          return (
            <li key={stack.id} className="stack" data-testid="stack" data-stack={stack.label} data-state={state}>
              <button
                type="button"
                role="switch"
                aria-checked={state === 'on' ? 'true' : state === 'partial' ? 'mixed' : 'false'}
                className={`toggle toggle-${state}`}
                disabled={busy}
                onClick={() => toggle(stack)}
                data-testid="stack-toggle"
              >
                <span className="toggle-knob" aria-hidden="true" />
                <span className="stack-label">{stack.label}</span>
              </button>
              <span className="muted stack-meta">
                {stack.kind === 'profile' ? 'profile · ' : stack.file ? `${stack.file} · ` : ''}
                {stack.services.join(', ')}
              </span>
            </li>
          );
        })}
      </ul>
      {pending && (
        <ConfirmPanel
          title={pending.turnOn ? `Start ${pending.stack.label}` : `Stop ${pending.stack.label}`}
          action={pending.turnOn ? 'Start them all' : 'Stop anyway'}
          onConfirm={() => apply(pending)}
          onCancel={() => setPending(null)}
        >
          <p data-testid="confirm-affected">
            {pending.turnOn
              ? `${pending.stack.label} depends on ${pending.affected.join(', ')}, which will start too.`
              : `${pending.affected.join(', ')} depend${pending.affected.length === 1 ? 's' : ''} on ${pending.stack.label} and may stop working.`}
          </p>
        </ConfirmPanel>
      )}
    </section>
  );
}
