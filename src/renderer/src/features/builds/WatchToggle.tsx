import { Eye } from 'lucide-react';
import type { ProjectRef } from '@shared/schemas/projects';
import { ErrorNote } from '../../components/ErrorNote';
import { Switch } from '../../components/Switch';
import { useWatchSessions, watchStatusLine } from './watch-sessions';
import './builds.css';

/**
 * The project's Watch toggle (Compose's `develop.watch`): on, files edited under a sync path are copied into the
 * running containers and rebuild paths rebuild their service; the line beside it says what was done last.
 */
export function WatchToggle({
  projectKey,
  project,
  disabledReason,
}: {
  projectKey: string;
  project: ProjectRef;
  /** Set when watching can't start now (the engine is unreachable, nothing runs). */
  disabledReason?: string;
}) {
  const session = useWatchSessions((state) => state.sessions[projectKey]);
  const start = useWatchSessions((state) => state.start);
  const stop = useWatchSessions((state) => state.stop);
  const on = session?.state === 'starting' || session?.state === 'watching';
  const last = session?.last ?? null;
  return (
    <div className="watch-toggle" data-testid="watch" data-state={session?.state ?? 'off'}>
      <Switch
        checked={on}
        pending={session?.state === 'starting'}
        disabled={!on && Boolean(disabledReason)}
        title={disabledReason ?? 'Sync and rebuild on file changes (develop.watch)'}
        onToggle={() => (on ? stop(projectKey) : start(projectKey, project))}
        testId="watch-toggle"
      >
        <Eye size={14} aria-hidden="true" /> Watch
      </Switch>
      {on && last && (
        <span
          className={last.kind === 'error' ? 'watch-status error' : 'watch-status'}
          data-testid="watch-status"
          aria-live="polite"
        >
          {watchStatusLine(last)}
        </span>
      )}
      {session?.state === 'failed' && session.error && <ErrorNote error={session.error} compact testId="watch-error" />}
    </div>
  );
}
