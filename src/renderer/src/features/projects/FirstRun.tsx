import type { Template } from '@shared/schemas/projects';
import { useBerthStore } from '../../stores/store';
import { TemplateGallery } from './TemplateGallery';

/** With no projects yet: what Berth needs, and ready ML stacks to start from. Never an empty screen. */
interface FirstRunProps {
  onChoose(template: Template): void;
  onAdd(): void;
  /** Opens a project found on the engine (started with the Compose CLI, say). */
  onOpen(name: string): void;
}

export function FirstRun({ onChoose, onAdd, onOpen }: FirstRunProps) {
  const engine = useBerthStore((state) => state.engine);
  const discovered = useBerthStore((state) => state.projects);
  const connected = engine?.status === 'connected';
  return (
    <div className="first-run" data-testid="first-run">
      <section className="panel">
        <h2>Welcome to Berth</h2>
        <p>
          Berth runs your Compose stacks on {connected ? 'the Docker engine it is connected to' : 'a Docker engine'}.
          Start from a template below, or{' '}
          <button type="button" className="link-button" onClick={onAdd}>
            add a folder that has a compose.yaml
          </button>
          .
        </p>
        {!connected && (
          <p className="warning" data-testid="engine-hint">
            No Docker engine answers yet{engine?.reason ? ` (${engine.reason})` : ''}.{' '}
            {engine?.fix ?? 'Start Docker Desktop, or run `sudo systemctl start docker` on Linux.'}
          </p>
        )}
      </section>
      {discovered.length > 0 && (
        <section aria-label="Projects on the engine">
          <h2>Already on this engine</h2>
          <ul className="discovered-list">
            {discovered.map((project) => (
              <li key={project.name}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onOpen(project.name)}
                  data-testid="discovered-project"
                  data-project={project.name}
                >
                  {project.name}
                </button>
                <span className="muted mono"> {project.directory ?? ''}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>Templates</h2>
      <TemplateGallery onChoose={onChoose} />
    </div>
  );
}
