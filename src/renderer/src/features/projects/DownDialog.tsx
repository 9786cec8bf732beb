import { useState } from 'react';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TypedConfirm } from '../../components/TypedConfirm';

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
    <ConfirmDialog
      title={`Down ${project}`}
      action="Down, keep volumes"
      destructive
      onConfirm={() => onDown(undefined)}
      onCancel={onCancel}
      testId="down-dialog"
      confirmTestId="down-keep-volumes"
      extraActions={
        volumes.length > 0 && (
          <Button variant="destructive" onClick={() => setWithVolumes(true)} data-testid="down-with-volumes">
            Also delete {volumes.length} volume{volumes.length === 1 ? '' : 's'}…
          </Button>
        )
      }
    >
      <p>Stops and removes the project&apos;s containers and networks. Volumes and their data are kept.</p>
    </ConfirmDialog>
  );
}
