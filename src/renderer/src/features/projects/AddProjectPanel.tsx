import { useState, type DragEvent } from 'react';
import type { ErrorPayload } from '@shared/errors';
import { api, pathOfDroppedFile } from '../../lib/api';
import { ErrorNote } from './ErrorNote';

/** Add a project folder: browse, drop it here, or paste its path. Berth only remembers it; files are not touched. */
export function AddProjectPanel({ onAdded, onCancel }: { onAdded(project: string): void; onCancel(): void }) {
  const [directory, setDirectory] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [dragging, setDragging] = useState(false);

  const add = async (path: string) => {
    if (!path.trim()) return;
    const result = await api.projects.add({ directory: path.trim() });
    if (result.ok) onAdded(result.value.name);
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
    <section
      className={`panel add-project ${dragging ? 'dragging' : ''}`}
      aria-label="Add a project folder"
      data-testid="add-project-panel"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2>Add a project folder</h2>
      <p className="muted">Drop a folder with a compose.yaml here, browse for it, or paste its path.</p>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          void add(directory);
        }}
      >
        <input
          autoFocus
          aria-label="Project folder path"
          className="mono path-input"
          placeholder="/home/you/projects/my-stack"
          value={directory}
          onChange={(event) => setDirectory(event.target.value)}
          data-testid="add-project-path"
        />
        <button type="submit" disabled={!directory.trim()} data-testid="add-project-submit">
          Add
        </button>
        <button type="button" onClick={() => void browse()}>
          Browse…
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </form>
      {error && <ErrorNote error={error} testId="add-project-error" />}
    </section>
  );
}
