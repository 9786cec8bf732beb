import { useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { Template } from '@shared/schemas/projects';
import { api } from '../../lib/api';
import { useBerthStore } from '../../stores/store';
import { ErrorNote } from './ErrorNote';

/** Creates a new project folder from a template (never into a folder that has files) and adds it to Berth. */
interface CreateFromTemplatePanelProps {
  template: Template;
  onCreated(project: string): void;
  onCancel(): void;
}

export function CreateFromTemplatePanel({ template, onCreated, onCancel }: CreateFromTemplatePanelProps) {
  const gpuUsable = useBerthStore((state) => state.gpuOverview?.capability?.verdict === 'yes');
  const [directory, setDirectory] = useState('');
  const [gpu, setGpu] = useState(template.gpu === 'optional' && gpuUsable);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [creating, setCreating] = useState(false);

  const create = async () => {
    setCreating(true);
    const result = await api.templates.create({ templateId: template.id, directory: directory.trim(), gpu });
    setCreating(false);
    if (!result.ok) return setError(result.error);
    onCreated(result.value.name);
  };
  const browse = async () => {
    const result = await api.projects.pickFolder({ purpose: 'create' });
    if (result.ok && result.value.directory) setDirectory(result.value.directory);
  };

  return (
    <section
      className="panel create-template"
      aria-label={`Create ${template.title}`}
      data-testid="create-template"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2>New project: {template.title}</h2>
      <p className="muted">{template.description}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <label>
          New folder{' '}
          <input
            autoFocus
            className="mono path-input"
            placeholder={`/home/you/projects/${template.id}`}
            value={directory}
            onChange={(event) => setDirectory(event.target.value)}
            data-testid="template-directory"
          />
        </label>
        <button type="button" onClick={() => void browse()}>
          Browse…
        </button>
        {template.gpu === 'optional' && (
          <label className="gpu-choice">
            <input
              type="checkbox"
              checked={gpu}
              onChange={(event) => setGpu(event.target.checked)}
              data-testid="template-gpu"
            />{' '}
            Use a GPU{' '}
            {gpuUsable ? '' : <span className="muted">(the engine can't give containers GPUs now: see GPUs)</span>}
          </label>
        )}
        <div className="toolbar">
          <button type="submit" disabled={creating || !directory.trim()} data-testid="template-create">
            {creating ? 'Creating…' : 'Create project'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      {error && <ErrorNote error={error} testId="template-error" />}
    </section>
  );
}
