import { FolderOpen } from 'lucide-react';
import { useState, type DragEvent } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { ProjectSummary } from '@shared/schemas/projects';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';
import { api, pathOfDroppedFile } from '../../lib/api';

/** Add a project folder: browse, drop it here, or paste its path. Berth only remembers it; files are not touched. */
export function AddProjectDialog({ onAdded, onCancel }: { onAdded(project: ProjectSummary): void; onCancel(): void }) {
  const [directory, setDirectory] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [dragging, setDragging] = useState(false);

  const add = async (path: string) => {
    if (!path.trim()) return;
    const result = await api.projects.add({ directory: path.trim() });
    if (result.ok) onAdded(result.value);
    else setError(result.error);
  };
  const browse = async () => {
    const result = await api.projects.pickFolder({ purpose: 'open' });
    if (result.ok && result.value.directory) await add(result.value.directory);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    const path = file ? pathOfDroppedFile(file) : null;
    if (path) void add(path);
    else
      setError({
        code: 'E_INVALID_INPUT',
        message: 'That drop did not carry a folder path.',
        fix: 'Paste the folder path or use Browse.',
      });
  };

  return (
    <Dialog
      title="Add a project folder"
      description="A folder with a compose.yaml (or docker/compose.*.yml files). Berth remembers it; nothing in it changes."
      testId="add-project-panel"
      closeOnOutsideClick={false}
      onClose={onCancel}
      footer={
        <>
          <Button
            variant="primary"
            type="submit"
            form="add-project-form"
            disabled={!directory.trim()}
            data-testid="add-project-submit"
          >
            Add
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </>
      }
    >
      <form
        id="add-project-form"
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        onSubmit={(event) => {
          event.preventDefault();
          void add(directory);
        }}
      >
        <label className="field-label" htmlFor="add-project-path">
          Folder path
        </label>
        <div className="field-row">
          <input
            id="add-project-path"
            autoFocus
            className="mono field-grow"
            placeholder="/home/you/projects/my-stack"
            value={directory}
            onChange={(event) => setDirectory(event.target.value)}
            data-testid="add-project-path"
          />
          <Button icon={<FolderOpen size={15} aria-hidden="true" />} onClick={() => void browse()}>
            Browse…
          </Button>
        </div>
        <p className="muted field-hint">Or drop the folder here.</p>
      </form>
      {error && <ErrorNote error={error} testId="add-project-error" />}
    </Dialog>
  );
}
