import { useBerthStore } from '../../stores/store';
import { ErrorNote } from './ErrorNote';
import type { OperationState } from './operation-progress';

const ACTION_VERBS: Record<OperationState['action'], string> = {
  up: 'Starting',
  start: 'Starting',
  stop: 'Stopping',
  restart: 'Restarting',
  down: 'Taking down',
  pull: 'Pulling',
  build: 'Building',
};

/** The project's current (or last failed) operation: what it does, Cancel, and errors no card can show. */
export function OperationBanner({ project, operation }: { project: string; operation: OperationState }) {
  const cancel = useBerthStore((state) => state.cancelCompose);
  const target = operation.services.length ? operation.services.join(', ') : project;
  const cardErrors = Object.values(operation.progress).some((progress) => progress.error);
  return (
    <div className="operation-banner" data-testid="operation" data-status={operation.status} aria-live="polite">
      {operation.status === 'running' && (
        <>
          <span className="spinner" aria-hidden="true" />
          <span>
            {ACTION_VERBS[operation.action]} {target}…
          </span>
          <button type="button" onClick={() => cancel(project)} data-testid="operation-cancel">
            Cancel
          </button>
        </>
      )}
      {operation.status === 'cancelled' && <span>{operation.action} was cancelled.</span>}
      {operation.status === 'failed' && operation.error && !cardErrors && <ErrorNote error={operation.error} />}
      {operation.status === 'failed' && cardErrors && (
        <span className="error">{operation.action} failed: see the service below.</span>
      )}
      {operation.warnings.map((warning) => (
        <p key={warning} className="warning">
          {warning}
        </p>
      ))}
    </div>
  );
}
