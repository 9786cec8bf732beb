import { FolderPlus, Plus } from 'lucide-react';
import { useMemo } from 'react';
import type { ProjectSummary } from '@shared/schemas/projects';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { StatusDot } from '../../components/StatusDot';
import { useNow } from '../../status/clock';
import { useEngineGate } from '../../status/engine-gate';
import { projectSummary, type ProjectSummaryView } from '../../status/project-summary';
import { projectKey } from '../../stores/project-key';
import { useBerthStore } from '../../stores/store';
import { containersByService } from './project-state';

/** The last two folders of a path: enough to tell two same-named projects apart. */
function shortFolder(directory: string | null): string {
  return directory ? directory.split(/[\\/]/).filter(Boolean).slice(-2).join('/') : 'not on this machine';
}

/** Projects added to Berth, then those only found on the engine, each with how its services are doing. */
export function ProjectList({ onAdd, onNew }: { onAdd(): void; onNew(): void }) {
  const projects = useBerthStore((state) => state.projects);
  const selected = useBerthStore((state) => state.selectedProject);
  const select = useBerthStore((state) => state.selectProject);
  const containers = useBerthStore((state) => state.containers);
  const details = useBerthStore((state) => state.details);
  const { connected } = useEngineGate();
  const now = useNow();
  const summaries = useMemo(
    () =>
      new Map<string, ProjectSummaryView>(
        projects.map((project) => {
          const key = projectKey(project);
          const services = details[key]?.detail?.services.length;
          return [key, projectSummary(containersByService(containers, project.name), connected, services, now)];
        }),
      ),
    [projects, containers, details, connected, now],
  );
  const duplicateNames = useMemo(() => {
    const counts = new Map<string, number>();
    for (const project of projects) counts.set(project.name, (counts.get(project.name) ?? 0) + 1);
    return new Set([...counts].filter(([, count]) => count > 1).map(([name]) => name));
  }, [projects]);
  const move = (step: number) => {
    const index = projects.findIndex((project) => projectKey(project) === selected);
    const next = projects[Math.min(projects.length - 1, Math.max(0, index + step))];
    if (next) select(projectKey(next));
  };

  return (
    <nav className="project-list" aria-label="Projects">
      <ul
        role="listbox"
        aria-label="Projects"
        tabIndex={0}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            move(event.key === 'ArrowDown' ? 1 : -1);
          }
        }}
      >
        {projects.map((project: ProjectSummary) => {
          const key = projectKey(project);
          const summary = summaries.get(key)!;
          const isSelected = key === selected;
          return (
            <li
              key={key}
              role="option"
              aria-selected={isSelected}
              className={isSelected ? 'selected' : ''}
              onClick={() => select(key)}
              title={project.directory ?? project.name}
              data-testid="project-item"
              data-project={project.name}
              data-tone={summary.tone}
            >
              <StatusDot tone={summary.tone} />
              <span className="project-item-text">
                <span className="project-name">{project.name}</span>
                <span className={`project-summary tone-${summary.tone}`} data-testid="project-item-summary">
                  {summary.text}
                </span>
                {duplicateNames.has(project.name) && (
                  <span className="project-folder muted mono">{shortFolder(project.directory)}</span>
                )}
              </span>
              {!project.saved && (
                <Badge tone="idle" title="Started outside Berth (with docker compose, say); open it to add it.">
                  outside Berth
                </Badge>
              )}
            </li>
          );
        })}
      </ul>
      <div className="project-list-actions">
        <Button size="sm" icon={<FolderPlus size={14} aria-hidden="true" />} onClick={onAdd} data-testid="add-project">
          Add folder…
        </Button>
        <Button size="sm" icon={<Plus size={14} aria-hidden="true" />} onClick={onNew} data-testid="new-project">
          From template…
        </Button>
      </div>
    </nav>
  );
}
