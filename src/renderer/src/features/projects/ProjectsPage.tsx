import { useEffect, useMemo, useState } from 'react';
import type { ProjectSummary, Template } from '@shared/schemas/projects';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';
import { projectKey } from '../../stores/project-key';
import { useBerthStore } from '../../stores/store';
import { AddProjectDialog } from './AddProjectDialog';
import { CreateFromTemplateDialog } from './CreateFromTemplateDialog';
import { FirstRun } from './FirstRun';
import { ProjectList } from './ProjectList';
import { ProjectView } from './ProjectView';
import { TemplateGallery } from './TemplateGallery';
import './projects.css';

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
  const selectedKey = useBerthStore((state) => state.selectedProject);
  const loadTemplates = useBerthStore((state) => state.loadTemplates);
  const loadProjects = useBerthStore((state) => state.loadProjects);
  const selectProject = useBerthStore((state) => state.selectProject);
  const templates = useBerthStore((state) => state.templates);
  const panel = useBerthStore((state) => state.projectsDialog);
  const setPanel = useBerthStore((state) => state.setProjectsDialog);
  // Projects found on the engine alone don't end the first run: the user opens one to leave the gallery.
  const [exploring, setExploring] = useState(false);
  useEffect(() => {
    void loadTemplates();
  }, [loadTemplates]);

  const close = () => setPanel(null);
  const showNewProject = (project: ProjectSummary) => {
    setPanel(null);
    setExploring(true);
    void loadProjects().then(() => selectProject(projectKey(project)));
  };
  const chooseTemplate = (template: Template) => setPanel({ kind: 'template', templateId: template.id });
  const chosenTemplate =
    panel?.kind === 'template' ? templates.find((template) => template.id === panel.templateId) : undefined;
  const selected = projects.find((project) => projectKey(project) === selectedKey);

  const dialog =
    panel?.kind === 'add' ? (
      <AddProjectDialog onAdded={showNewProject} onCancel={close} />
    ) : chosenTemplate ? (
      <CreateFromTemplateDialog
        key={chosenTemplate.id}
        template={chosenTemplate}
        onCreated={showNewProject}
        onCancel={close}
      />
    ) : panel?.kind === 'gallery' ? (
      <Dialog
        title="New project from a template"
        size="lg"
        onClose={close}
        testId="template-gallery-dialog"
        footer={<Button onClick={close}>Cancel</Button>}
      >
        <TemplateGallery onChoose={chooseTemplate} />
      </Dialog>
    ) : null;

  if (!loaded) return <p className="empty">Loading projects…</p>;
  if (!exploring && !projects.some((project) => project.saved)) {
    return (
      <div className="projects-page">
        {dialog}
        {error && <ErrorNote error={error} testId="projects-error" />}
        <FirstRun
          onChoose={chooseTemplate}
          onAdd={() => setPanel({ kind: 'add' })}
          onOpen={(key) => {
            setExploring(true);
            selectProject(key);
          }}
        />
      </div>
    );
  }
  return (
    <div className="projects-page with-list">
      {dialog}
      <ProjectList onAdd={() => setPanel({ kind: 'add' })} onNew={() => setPanel({ kind: 'gallery' })} />
      <div className="project-main">
        {error && <ErrorNote error={error} testId="projects-error" />}
        {selected && <ProjectView key={projectKey(selected)} project={selected} />}
      </div>
    </div>
  );
}
