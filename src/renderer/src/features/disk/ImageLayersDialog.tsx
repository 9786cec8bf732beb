import { useEffect, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { ImageDisk, ImageLayer } from '@shared/schemas/disk';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';
import { api } from '../../lib/api';
import { formatBytes, imageName } from './format';

/** `docker history` of one image: which instruction made which layer, biggest first ("why is this image 12 GB"). */
export function ImageLayersDialog({ image, onClose }: { image: ImageDisk; onClose(): void }) {
  const [layers, setLayers] = useState<ImageLayer[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    let current = true;
    void api.disk.imageHistory({ image: image.id }).then((result) => {
      if (!current) return;
      if (result.ok) setLayers([...result.value].sort((a, b) => b.sizeBytes - a.sizeBytes));
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [image.id]);

  return (
    <Dialog
      title={`Layers of ${imageName(image)}`}
      description={`${formatBytes(image.sizeBytes)} in all; biggest layers first.`}
      onClose={onClose}
      size="lg"
      testId="disk-layers"
    >
      {error && <ErrorNote error={error} />}
      {!layers && !error && <p className="muted">Reading the image’s history…</p>}
      {layers && (
        <div className="table-frame disk-layers-frame">
          <table className="data-table disk-layers">
            <thead>
              <tr>
                <th className="col-size numeric">Size</th>
                <th>Instruction</th>
              </tr>
            </thead>
            <tbody>
              {layers.map((layer, index) => (
                <tr key={`${layer.id}-${index}`} data-testid="disk-layer">
                  <td className="numeric">{formatBytes(layer.sizeBytes)}</td>
                  <td className="mono" title={layer.instruction}>
                    {layer.instruction || layer.comment || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
