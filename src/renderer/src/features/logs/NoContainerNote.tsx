import type { ErrorPayload } from '@shared/errors';
import type { LogTarget } from '@shared/schemas/logs';
import { ErrorNote } from '../../components/ErrorNote';
import { projectKey } from '../../stores/project-key';
import { useBerthStore } from '../../stores/store';

/** The error the service's card keeps (a failed pull or create), if any project of that name has one. */
function useLastServiceError(project: string, service: string): ErrorPayload | null {
  return useBerthStore((state) => {
    for (const candidate of state.projects) {
      if (candidate.name !== project) continue;
      const error = state.serviceErrors[projectKey(candidate)]?.[service];
      if (error) return error;
    }
    return null;
  });
}

function ServiceNote({ project, service }: { project: string; service: string }) {
  const error = useLastServiceError(project, service);
  return (
    <div className="logs-empty-note" data-testid="logs-no-container">
      <p>
        <strong>
          {project} / {service}
        </strong>{' '}
        has no container yet, so there are no logs: it was never created (or was removed). Start it from Projects.
      </p>
      {error && <ErrorNote compact error={error} testId="logs-last-error" />}
    </div>
  );
}

/** Why a view with a target shows nothing: no container behind it, and the last error that kept one from existing. */
export function NoContainerNote({ target }: { target: LogTarget }) {
  if (target.kind === 'service') return <ServiceNote project={target.project} service={target.service} />;
  return (
    <div className="logs-empty-note" data-testid="logs-no-container">
      <p>{emptyText(target)}</p>
    </div>
  );
}

function emptyText(target: Exclude<LogTarget, { kind: 'service' }>): string {
  switch (target.kind) {
    case 'project':
      return `Project ${target.project} has no containers yet, so there are no logs. Start it from Projects.`;
    case 'swarm-service':
      return `Swarm service ${target.name} has no task that wrote a line yet. See its tasks on the Cluster page: a task that can't start says why there.`;
    case 'container':
      return 'This container no longer exists, so there are no logs to show.';
  }
}
