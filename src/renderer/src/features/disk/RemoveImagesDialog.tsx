import { useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import { removeImagesConfirmation, type ImageDisk, type RemoveImagesResult } from '@shared/schemas/disk';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNote } from '../../components/ErrorNote';
import { api } from '../../lib/api';
import { formatBytes, plural } from './format';

interface RemoveImagesDialogProps {
  images: ImageDisk[];
  onDone(result: RemoveImagesResult): void;
  onCancel(): void;
}

/**
 * Asks before removing the selected images, listing each with all its tags and what it alone holds; images a
 * container uses are named as staying. The confirm sends the words for the count the user saw.
 */
export function RemoveImagesDialog({ images, onDone, onCancel }: RemoveImagesDialogProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const inUse = images.filter((image) => image.containers > 0);
  const freed = images
    .filter((image) => image.containers === 0)
    .reduce((sum, image) => sum + (image.uniqueSizeBytes ?? image.sizeBytes), 0);

  const remove = async () => {
    if (pending) return;
    setPending(true);
    const result = await api.disk.removeImages({
      ids: images.map((image) => image.id),
      confirmText: removeImagesConfirmation(images.length),
    });
    setPending(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  return (
    <ConfirmDialog
      title={`Remove ${plural(images.length, 'image')}?`}
      action={pending ? 'Removing…' : `Remove ${plural(images.length, 'image')}`}
      destructive
      confirmDisabled={pending}
      onConfirm={() => void remove()}
      onCancel={onCancel}
      testId="disk-remove-confirm"
      confirmTestId="disk-remove-ok"
    >
      <p>
        Each goes with all its tags; this frees about <strong>{formatBytes(freed)}</strong>. You can pull or build them
        again later.
      </p>
      <ul className="disk-confirm-list mono">
        {images.map((image) => (
          <li key={image.id}>
            {image.repoTags.join(', ') || `<none> ${image.id.slice(7, 19)}`}{' '}
            <span className="muted">{formatBytes(image.uniqueSizeBytes ?? image.sizeBytes)}</span>
          </li>
        ))}
      </ul>
      {inUse.length > 0 && (
        <p className="warning">
          {plural(inUse.length, 'image')} will stay: containers use them. Remove those containers first (Clean up →
          stopped containers).
        </p>
      )}
      {error && <ErrorNote error={error} compact />}
    </ConfirmDialog>
  );
}
