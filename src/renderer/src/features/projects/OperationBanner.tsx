import { X } from 'lucide-react';
import { Button } from '../../components/Button';
import { ErrorNote } from '../../components/ErrorNote';
import { IconButton } from '../../components/IconButton';
import { Spinner } from '../../components/Spinner';
import { hasProjectError, type OperationState } from '../../stores/operation-progress';
import { useBerthStore } from '../../stores/store';
import { StartWithoutGpu } from './StartWithoutGpu';

const ACTION_VERBS: Record<OperationState['action'], string> = {
  up: 'Starting',
  start: 'Starting',
  stop: 'Stopping',
  restart: 'Restarting',
  down: 'Taking down',
  pull: 'Pulling',
  build: 'Building',
};

/**
 * The project's current operation (what it does, Cancel), or the last one's outcome that no card shows: an error
 * about the whole project, a cancel. It stays until dismissed or until the next operation.
 */
export function OperationBanner({
  projectKey,
  project,
  operation,
}: {
  projectKey: string;
  project: string;
  operation: OperationState;
}) {
  const cancel = useBerthStore((state) => state.cancelCompose);
  const dismiss = useBerthStore((state) => state.dismissOperation);
  const runCompose = useBerthStore((state) => state.runCompose);
  const target = operation.services.length ? operation.services.join(', ') : project;
  const projectError = hasProjectError(operation) ? operation.error : null;
  if (operation.status === 'failed' && !projectError && operation.warnings.length === 0) return null;
  return (
    <div className="operation-banner" data-testid="operation" data-status={operation.status} aria-live="polite">
      {operation.status === 'running' && (
        <div className="operation-running">
          <Spinner />
          <span>
            {ACTION_VERBS[operation.action]} {target}…
          </span>
          <Button size="sm" onClick={() => cancel(projectKey)} data-testid="operation-cancel">
            Cancel
          </Button>
        </div>
      )}
      {operation.status === 'cancelled' && (
        <div className="operation-running">
          <span>{operation.action} was cancelled.</span>
          <IconButton icon={<X size={14} />} label="Dismiss" size="sm" onClick={() => dismiss(projectKey)} />
        </div>
      )}
      {projectError && (
        <ErrorNote
          error={projectError}
          testId="operation-error"
          onDismiss={() => dismiss(projectKey)}
          actions={
            <>
              <Button
                size="sm"
                onClick={() => runCompose(projectKey, operation.action, operation.services)}
                data-testid="operation-retry"
              >
                Retry
              </Button>
              {projectError.code === 'E_GPU_UNAVAILABLE' && (
                <StartWithoutGpu projectKey={projectKey} services={operation.services} />
              )}
            </>
          }
        />
      )}
      {operation.warnings.map((warning) => (
        <p key={warning} className="warning">
          {warning}
        </p>
      ))}
    </div>
  );
}
