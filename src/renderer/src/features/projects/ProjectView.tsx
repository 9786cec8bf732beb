import { useEffect, useMemo, useState } from 'react';
import type { ProjectSummary } from '@shared/schemas/projects';
import { useBerthStore } from '../../stores/store';
import { openLogs } from '../logs/logs-target';
import { DownDialog } from './DownDialog';
import { EnvEditor } from './EnvEditor';
import { ErrorNote } from './ErrorNote';
import { OperationBanner } from './OperationBanner';
import { containersByService } from './project-state';
import { ServiceCard } from './ServiceCard';
import { StackToggles } from './StackToggles';

/** One project: whole-project actions, its stacks' toggles and a card per service, all live from events. */
export function ProjectView({ project }: { project: ProjectSummary }) {
  const entry = useBerthStore((state) => state.details[project.name]);
  const loadDetail = useBerthStore((state) => state.loadDetail);
  const removeProject = useBerthStore((state) => state.removeProject);
  const runCompose = useBerthStore((state) => state.runCompose);
  const operation = useBerthStore((state) => state.operations[project.name]);
  const containers = useBerthStore((state) => state.containers);
  const byService = useMemo(() => containersByService(containers, project.name), [containers, project.name]);
  const [dialog, setDialog] = useState<'down' | 'env' | null>(null);

  // Reloaded when the list reports other files (COMPOSE_FILE changed in .env, say).
  const files = project.configFiles.join('\n');
  useEffect(() => {
    void loadDetail(project.name);
  }, [loadDetail, project.name, files]);

  const detail = entry?.detail;
  const busy = operation?.status === 'running';
  const running = [...byService.values()].flat().filter((container) => container.state === 'running').length;

  return (
    <section
      className="project-view"
      data-testid="project-view"
      data-project={project.name}
      aria-label={`Project ${project.name}`}
    >
      <header className="project-header">
        <div>
          <h2>{project.name}</h2>
          <p className="muted mono" title={project.configFiles.join('\n')}>
            {project.directory ?? 'files not on this machine'}
            {project.saved ? '' : ' · found on the engine'}
          </p>
        </div>
        <div className="toolbar" role="toolbar" aria-label="Project actions">
          <button
            type="button"
            disabled={busy || !detail}
            onClick={() => runCompose(project.name, 'up')}
            data-testid="project-up"
          >
            Up
          </button>
          <button
            type="button"
            disabled={busy || running === 0}
            onClick={() => runCompose(project.name, 'stop')}
            data-testid="project-stop"
          >
            Stop
          </button>
          <button type="button" disabled={busy || running === 0} onClick={() => runCompose(project.name, 'restart')}>
            Restart
          </button>
          <button
            type="button"
            disabled={busy || byService.size === 0}
            onClick={() => setDialog('down')}
            data-testid="project-down"
          >
            Down…
          </button>
          <button type="button" disabled={busy || !detail} onClick={() => runCompose(project.name, 'pull')}>
            Pull
          </button>
          <button type="button" onClick={() => openLogs({ kind: 'project', project: project.name })}>
            Logs
          </button>
          {project.saved && project.directory && (
            <>
              <button type="button" onClick={() => setDialog('env')} data-testid="project-env">
                .env
              </button>
              <button
                type="button"
                title="Forget this project in Berth; its files stay where they are"
                onClick={() => void removeProject(project.directory!)}
                data-testid="project-remove"
              >
                Remove from list
              </button>
            </>
          )}
        </div>
      </header>

      {project.problem && <ErrorNote error={{ code: 'E_COMPOSE_INVALID', message: project.problem }} />}
      {entry?.error && <ErrorNote error={entry.error} testId="project-error" />}
      {operation && operation.status !== 'done' && <OperationBanner project={project.name} operation={operation} />}
      {dialog === 'down' && (
        <DownDialog
          project={project.name}
          volumes={detail?.volumes ?? []}
          onCancel={() => setDialog(null)}
          onDown={(removeVolumes) => {
            setDialog(null);
            runCompose(project.name, 'down', [], removeVolumes);
          }}
        />
      )}
      {dialog === 'env' && project.directory && (
        <EnvEditor directory={project.directory} onClose={() => setDialog(null)} />
      )}
      {detail?.warnings.map((warning) => (
        <p key={warning} className="warning">
          {warning}
        </p>
      ))}

      {detail && detail.stacks.length > 1 && <StackToggles detail={detail} byService={byService} busy={busy} />}
      {detail && (
        <div className="service-grid">
          {detail.services.map((service) => (
            <ServiceCard
              key={service.name}
              project={project.name}
              service={service}
              containers={byService.get(service.name) ?? []}
              operation={operation}
            />
          ))}
        </div>
      )}
      {!detail && !entry?.error && <p className="empty">Loading {project.name}…</p>}
    </section>
  );
}
