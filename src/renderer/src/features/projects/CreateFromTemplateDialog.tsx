import { FolderOpen } from 'lucide-react';
import { useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { ProjectSummary, Template } from '@shared/schemas/projects';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';
import { api } from '../../lib/api';
import { useBerthStore } from '../../stores/store';

/** Where a new project goes unless the user says otherwise; main expands `~` (the renderer can't know the home). */
export function defaultTemplateFolder(template: Template): string {
  return `~/Berth/${template.id}`;
}

interface CreateFromTemplateDialogProps {
  template: Template;
  onCreated(project: ProjectSummary): void;
  onCancel(): void;
}

/** Creates a new project folder from a template (never into a folder that has files) and adds it to Berth. */
export function CreateFromTemplateDialog({ template, onCreated, onCancel }: CreateFromTemplateDialogProps) {
  const gpuUsable = useBerthStore((state) => state.gpuOverview?.capability?.verdict === 'yes');
  const [directory, setDirectory] = useState(() => defaultTemplateFolder(template));
  const [gpu, setGpu] = useState(template.gpu === 'optional' && gpuUsable);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [creating, setCreating] = useState(false);

  // A project of that name exists (or the folder isn't empty): main suggests a free folder to use instead.
  const suggested = (error?.details as { suggestedDirectory?: unknown } | undefined)?.suggestedDirectory;
  const download =
    template.downloadGb &&
    (gpu ? (template.downloadGb.withGpu ?? template.downloadGb.withoutGpu) : template.downloadGb.withoutGpu);

  const create = async (folder = directory) => {
    setCreating(true);
    setError(null);
    const result = await api.templates.create({ templateId: template.id, directory: folder.trim(), gpu });
    setCreating(false);
    if (!result.ok) return setError(result.error);
    onCreated(result.value);
  };
  const browse = async () => {
    const result = await api.projects.pickFolder({ purpose: 'create' });
    if (result.ok && result.value.directory) setDirectory(result.value.directory);
  };

  return (
    <Dialog
      title={`New project: ${template.title}`}
      description={template.description}
      testId="create-template"
      closeOnOutsideClick={false}
      onClose={onCancel}
      footer={
        <>
          <Button
            variant="primary"
            type="submit"
            form="create-template-form"
            disabled={creating || !directory.trim()}
            pending={creating}
            data-testid="template-create"
          >
            {creating ? 'Creating…' : 'Create project'}
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </>
      }
    >
      <form
        id="create-template-form"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <label className="field-label" htmlFor="template-directory">
          New folder
        </label>
        <div className="field-row">
          <input
            id="template-directory"
            autoFocus
            className="mono field-grow"
            value={directory}
            onChange={(event) => setDirectory(event.target.value)}
            data-testid="template-directory"
          />
          <Button icon={<FolderOpen size={15} aria-hidden="true" />} onClick={() => void browse()}>
            Browse…
          </Button>
        </div>
        <p className="muted field-hint">
          The folder must be new or empty. Berth writes the compose file and its .env there.
        </p>
        {template.gpu === 'optional' && (
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={gpu}
              onChange={(event) => setGpu(event.target.checked)}
              data-testid="template-gpu"
            />
            <span>
              Use a GPU
              {!gpuUsable && (
                <span className="muted"> — the engine can&apos;t give containers GPUs now (see the GPUs page)</span>
              )}
            </span>
          </label>
        )}
        <p className="muted field-hint" data-testid="template-download">
          After Create, press Up: Berth downloads the images
          {download ? ` (about ${download} GB${gpu ? ' with GPU support' : ''})` : ''} and starts the services.
        </p>
      </form>
      {error && (
        <ErrorNote
          error={error}
          testId="template-error"
          actions={
            typeof suggested === 'string' && (
              <Button
                size="sm"
                onClick={() => {
                  setDirectory(suggested);
                  void create(suggested);
                }}
                data-testid="template-use-suggested"
              >
                Create in {suggested} instead
              </Button>
            )
          }
        />
      )}
    </Dialog>
  );
}
