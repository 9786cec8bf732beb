import { useMemo } from 'react';
import { useBerthStore } from '../../stores/store';
import { containersByService, isServiceRunning } from './project-state';

/** Projects added to Berth, then those only found on the engine; arrow keys move the selection. */
export function ProjectList({ onAdd, onNew }: { onAdd(): void; onNew(): void }) {
  const projects = useBerthStore((state) => state.projects);
  const selected = useBerthStore((state) => state.selectedProject);
  const select = useBerthStore((state) => state.selectProject);
  const containers = useBerthStore((state) => state.containers);
  const running = useMemo(
    () =>
      new Map(
        projects.map((project) => {
          const byService = containersByService(containers, project.name);
          return [project.name, [...byService.keys()].filter((service) => isServiceRunning(byService, service)).length];
        }),
      ),
    [projects, containers],
  );
  const move = (step: number) => {
    const index = projects.findIndex((project) => project.name === selected);
    const next = projects[Math.min(projects.length - 1, Math.max(0, index + step))];
    if (next) select(next.name);
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
        {projects.map((project) => (
          <li
            key={project.name}
            role="option"
            aria-selected={project.name === selected}
            className={project.name === selected ? 'selected' : ''}
            onClick={() => select(project.name)}
            data-testid="project-item"
            data-project={project.name}
          >
            <span
              className={`state-dot ${(running.get(project.name) ?? 0) > 0 ? 'state-running' : 'state-exited'}`}
              aria-hidden="true"
            />
            <span className="project-name">{project.name}</span>
            <span className="muted">
              {(running.get(project.name) ?? 0) > 0 ? `${running.get(project.name)} running` : ''}
            </span>
            {!project.saved && (
              <span className="badge" title="Found on the engine (e.g. started with docker compose)">
                engine
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="toolbar">
        <button type="button" onClick={onAdd} data-testid="add-project">
          Add folder…
        </button>
        <button type="button" onClick={onNew} data-testid="new-project">
          New from template…
        </button>
      </div>
    </nav>
  );
}
