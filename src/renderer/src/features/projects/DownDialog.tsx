import { useState } from 'react';
import { TypedConfirm } from '../volumes/TypedConfirm';

interface DownDialogProps {
  project: string;
  volumes: string[];
  onDown(removeVolumes: string[] | undefined): void;
  onCancel(): void;
}

/** Down removes containers and networks; deleting volumes too takes a second, named confirmation. */
export function DownDialog({ project, volumes, onDown, onCancel }: DownDialogProps) {
  const [withVolumes, setWithVolumes] = useState(false);
  if (withVolumes) {
    return (
      <TypedConfirm
        title={`Delete ${project} and its volumes`}
        expected={project}
        action="Down and delete volumes"
        onConfirm={() => onDown(volumes)}
        onCancel={() => setWithVolumes(false)}
      >
        <p>These volumes and all data in them will be deleted:</p>
        <ul data-testid="down-volumes">
          {volumes.map((volume) => (
            <li key={volume} className="mono">
              {volume}
            </li>
          ))}
        </ul>
      </TypedConfirm>
    );
  }
  return (
    <div className="panel confirm-panel" role="alertdialog" aria-label={`Down ${project}`} data-testid="down-dialog">
      <h2>Down {project}</h2>
      <p>Stops and removes the project&apos;s containers and networks. Volumes are kept.</p>
      <div className="toolbar">
        <button type="button" autoFocus onClick={() => onDown(undefined)} data-testid="down-keep-volumes">
          Down, keep volumes
        </button>
        {volumes.length > 0 && (
          <button type="button" className="danger" onClick={() => setWithVolumes(true)} data-testid="down-with-volumes">
            Also delete {volumes.length} volume{volumes.length === 1 ? '' : 's'}…
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
