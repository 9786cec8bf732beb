import { useEffect, useRef, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { ProjectSummary } from '@shared/schemas/projects';
import { subscribe } from '../../lib/api';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';
import { StatusDot } from '../../components/StatusDot';
import { deployLine, stackNameFor, withLine, type DeployLine } from './deploy-lines';

type Phase = 'form' | 'running' | 'done' | 'failed';

/**
 * Deploys a project to the swarm as a stack: the stack's name first, then what Swarm ignores and each object's step
 * as it happens. Closing the dialog while it runs cancels the deploy (which undoes what it changed).
 */
export function DeployDialog({ project, onClose }: { project: ProjectSummary; onClose(): void }) {
  const [stack, setStack] = useState(stackNameFor(project.name));
  const [prune, setPrune] = useState(false);
  const [phase, setPhase] = useState<Phase>('form');
  const [lines, setLines] = useState<DeployLine[]>([]);
  const [summary, setSummary] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const close = useRef<(() => void) | null>(null);
  useEffect(() => () => close.current?.(), []);

  const deploy = () => {
    setPhase('running');
    setLines([]);
    setSummary(null);
    setError(null);
    close.current = subscribe(
      'stackDeploy',
      { project: { directory: project.directory! }, stack, prune },
      {
        onMessage(message) {
          if (message.type === 'done') {
            setSummary(
              message.changed === 0
                ? `Stack ${message.stack} is up to date: nothing changed.`
                : `Deployed stack ${message.stack}: ${message.changed} object${message.changed === 1 ? '' : 's'} created, updated or removed.`,
            );
            return;
          }
          const line = deployLine(message.event);
          if (line) setLines((previous) => withLine(previous, line));
        },
        onClose(failure) {
          close.current = null;
          setError(failure ?? null);
          setPhase(failure ? 'failed' : 'done');
        },
      },
    );
  };

  return (
    <Dialog
      title={`Deploy ${project.name} to the swarm`}
      description="Its services become Swarm services of a stack, as docker stack deploy makes them."
      onClose={onClose}
      closeOnOutsideClick={phase !== 'running'}
      testId="cluster-deploy-dialog"
      size="lg"
      footer={
        <>
          {phase !== 'running' && (
            <Button variant="primary" type="submit" form="cluster-deploy-form" data-testid="cluster-deploy-start">
              {phase === 'form' ? 'Deploy' : 'Deploy again'}
            </Button>
          )}
          <Button onClick={onClose} data-testid="cluster-deploy-close">
            {phase === 'running' ? 'Cancel deploy' : 'Close'}
          </Button>
        </>
      }
    >
      <form
        id="cluster-deploy-form"
        className="cluster-deploy-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (phase !== 'running') deploy();
        }}
      >
        <label className="inline-field">
          <span>Stack name</span>
          <input
            value={stack}
            onChange={(event) => setStack(event.target.value)}
            disabled={phase === 'running'}
            required
            maxLength={63}
            autoFocus
            spellCheck={false}
            data-testid="cluster-deploy-stack"
          />
        </label>
        <label className="inline-field">
          <input
            type="checkbox"
            checked={prune}
            onChange={(event) => setPrune(event.target.checked)}
            disabled={phase === 'running'}
          />
          <span>Remove services of the stack that the project no longer has</span>
        </label>
      </form>
      {error && <ErrorNote error={error} testId="cluster-deploy-error" />}
      {summary && phase === 'done' && (
        <p role="status" data-testid="cluster-deploy-done">
          {summary} Follow its tasks on this page.
        </p>
      )}
      {lines.length > 0 && (
        <ul className="cluster-deploy-lines" aria-live="polite" data-testid="cluster-deploy-lines">
          {lines.map((line) => (
            <li key={line.key}>
              <StatusDot tone={line.tone} /> {line.text}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
