import { FolderPlus } from 'lucide-react';
import type { ProjectSummary, Template } from '@shared/schemas/projects';
import { Button } from '../../components/Button';
import { StatusDot } from '../../components/StatusDot';
import { Truncate } from '../../components/Truncate';
import { api } from '../../lib/api';
import { useEngineGate } from '../../status/engine-gate';
import { projectSummary } from '../../status/project-summary';
import { projectKey } from '../../stores/project-key';
import { useBerthStore } from '../../stores/store';
import { containersByService } from './project-state';
import { TemplateGallery } from './TemplateGallery';

interface FirstRunProps {
  onChoose(template: Template): void;
  onAdd(): void;
  /** Opens a project found on the engine (started with the Compose CLI, say), by `projectKey`. */
  onOpen(key: string): void;
}

/** A project found on the engine: its state, and the two things to do with it. */
function DiscoveredRow({ project, onOpen }: { project: ProjectSummary; onOpen(key: string): void }) {
  const containers = useBerthStore((state) => state.containers);
  const loadProjects = useBerthStore((state) => state.loadProjects);
  const gate = useEngineGate();
  const summary = projectSummary(containersByService(containers, project.name), gate.connected);
  const directory = project.directory;
  return (
    <li className="discovered-row">
      <StatusDot tone={summary.tone} />
      <span className="discovered-name">
        <Truncate text={project.name} />
        <Truncate className="muted mono" text={directory ?? 'folder not on this machine'} />
      </span>
      <span className={`project-summary tone-${summary.tone}`}>{summary.text}</span>
      <Button
        size="sm"
        onClick={() => onOpen(projectKey(project))}
        data-testid="discovered-project"
        data-project={project.name}
      >
        Open
      </Button>
      {directory && (
        <Button
          size="sm"
          icon={<FolderPlus size={14} aria-hidden="true" />}
          onClick={() => void api.projects.add({ directory }).then(() => loadProjects())}
        >
          Add to Berth
        </Button>
      )}
    </li>
  );
}

/** With no projects yet: what Berth needs, and ready ML stacks to start from. Never an empty screen. */
export function FirstRun({ onChoose, onAdd, onOpen }: FirstRunProps) {
  const engine = useBerthStore((state) => state.engine);
  const discovered = useBerthStore((state) => state.projects);
  const gate = useEngineGate();
  return (
    <div className="first-run" data-testid="first-run">
      <section className="panel welcome">
        <h2>Welcome to Berth</h2>
        <p>
          Berth runs your Docker Compose stacks on{' '}
          {gate.connected ? 'the Docker engine it is connected to' : 'a Docker engine'}. Start from a template below, or
          open a folder you already have.
        </p>
        <div className="welcome-actions">
          <Button icon={<FolderPlus size={15} aria-hidden="true" />} onClick={onAdd} data-testid="add-project">
            Add a folder with a compose.yaml…
          </Button>
        </div>
        {!gate.connected && (
          <p className="warning" data-testid="engine-hint">
            {gate.reason} {engine?.fix ?? 'Start Docker Desktop, or run `sudo systemctl start docker` on Linux.'}
          </p>
        )}
      </section>
      {discovered.length > 0 && (
        <section aria-labelledby="discovered-title" className="discovered">
          <h2 id="discovered-title">Already running on this engine</h2>
          <ul className="discovered-list">
            {discovered.map((project) => (
              <DiscoveredRow key={projectKey(project)} project={project} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      )}
      <h2>Start from a template</h2>
      <TemplateGallery onChoose={onChoose} />
    </div>
  );
}
