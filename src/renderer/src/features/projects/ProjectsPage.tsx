import { useEffect, useMemo, useState } from 'react';
import type { Template } from '@shared/schemas/projects';
import { useBerthStore } from '../../stores/store';
import { AddProjectPanel } from './AddProjectPanel';
import { CreateFromTemplatePanel } from './CreateFromTemplatePanel';
import { FirstRun } from './FirstRun';
import { ProjectList } from './ProjectList';
import { ProjectView } from './ProjectView';
import { TemplateGallery } from './TemplateGallery';
import './projects.css';

type Panel = { kind: 'add' } | { kind: 'gallery' } | { kind: 'template'; template: Template } | null;

/** Keeps the project list current: a project started elsewhere (the Compose CLI) shows up when its containers do. */
function useProjectDiscovery(): void {
  const loadProjects = useBerthStore((state) => state.loadProjects);
  const connected = useBerthStore((state) => state.engine?.status === 'connected');
  const containers = useBerthStore((state) => state.containers);
  const engineProjects = useMemo(
    () =>
      [
        ...new Set(
          Object.values(containers).flatMap((container) => (container.compose ? [container.compose.project] : [])),
        ),
      ]
        .sort()
        .join(','),
    [containers],
  );
  useEffect(() => {
    void loadProjects();
  }, [loadProjects, connected, engineProjects]);
}

export function ProjectsPage() {
  useProjectDiscovery();
  const projects = useBerthStore((state) => state.projects);
  const loaded = useBerthStore((state) => state.projectsLoaded);
  const error = useBerthStore((state) => state.projectsError);
  const selectedName = useBerthStore((state) => state.selectedProject);
  const loadTemplates = useBerthStore((state) => state.loadTemplates);
  const loadProjects = useBerthStore((state) => state.loadProjects);
  const selectProject = useBerthStore((state) => state.selectProject);
  const [panel, setPanel] = useState<Panel>(null);
  // Projects found on the engine alone don't end the first run: the user opens one to leave the gallery.
  const [exploring, setExploring] = useState(false);
  useEffect(() => {
    void loadTemplates();
  }, [loadTemplates]);

  const close = () => setPanel(null);
  const showNewProject = (name: string) => {
    setPanel(null);
    setExploring(true);
    void loadProjects().then(() => selectProject(name));
  };
  const chooseTemplate = (template: Template) => setPanel({ kind: 'template', template });
  const selected = projects.find((project) => project.name === selectedName);

  const panelView =
    panel?.kind === 'add' ? (
      <AddProjectPanel onAdded={showNewProject} onCancel={close} />
    ) : panel?.kind === 'template' ? (
      <CreateFromTemplatePanel
        key={panel.template.id}
        template={panel.template}
        onCreated={showNewProject}
        onCancel={close}
      />
    ) : panel?.kind === 'gallery' ? (
      <section className="panel" aria-label="Templates">
        <h2>New project from a template</h2>
        <TemplateGallery onChoose={chooseTemplate} />
        <button type="button" onClick={close}>
          Cancel
        </button>
      </section>
    ) : null;

  if (!loaded) return <p className="empty">Loading projects…</p>;
  if (!exploring && !projects.some((project) => project.saved)) {
    return (
      <div className="projects-page">
        {panelView}
        {error && <p className="error">{error.message}</p>}
        <FirstRun
          onChoose={chooseTemplate}
          onAdd={() => setPanel({ kind: 'add' })}
          onOpen={(name) => {
            setExploring(true);
            selectProject(name);
          }}
        />
      </div>
    );
  }
  return (
    <div className="projects-page with-list">
      <ProjectList onAdd={() => setPanel({ kind: 'add' })} onNew={() => setPanel({ kind: 'gallery' })} />
      <div className="project-main">
        {panelView}
        {selected && <ProjectView key={selected.name} project={selected} />}
      </div>
    </div>
  );
}
