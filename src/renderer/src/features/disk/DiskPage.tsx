import { Eraser, RefreshCw, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { ImageDisk, RemoveImagesResult } from '@shared/schemas/disk';
import { Button } from '../../components/Button';
import { ErrorNote } from '../../components/ErrorNote';
import { useBerthStore } from '../../stores/store';
import { CleanupDialog } from './CleanupDialog';
import { DiskSummary } from './DiskSummary';
import { ImageLayersDialog } from './ImageLayersDialog';
import { ImagesTable } from './ImagesTable';
import { ProjectTotals } from './ProjectTotals';
import { RemoveImagesDialog } from './RemoveImagesDialog';
import { formatBytes, plural } from './format';
import { useDiskUsage } from './use-disk-usage';
import './disk.css';

type ImageFilter = 'all' | 'dangling' | 'unused';

const EMPTY_TEXT: Record<ImageFilter, string> = {
  all: 'No images on this engine.',
  unused: 'Every image is used by a container.',
  dangling: 'No dangling images.',
};

function removalNotice(result: RemoveImagesResult): string {
  const kept = result.skipped.map((item) => `${item.name} (${item.reason})`).join('; ');
  return `Removed ${plural(result.removed.length, 'image')}, reclaimed ${formatBytes(result.reclaimedBytes)}.${kept ? ` Kept: ${kept}.` : ''}`;
}

/** "Where did my disk go?": the engine's disk use by kind, its images, and ways to free space that ask first. */
export function DiskPage() {
  const connected = useBerthStore((state) => state.engine?.status === 'connected');
  const { usage, loading, error, reload } = useDiskUsage(connected);
  const [filter, setFilter] = useState<ImageFilter>('all');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [removing, setRemoving] = useState<ImageDisk[] | null>(null);
  const [layersOf, setLayersOf] = useState<ImageDisk | null>(null);
  const [cleaning, setCleaning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const images = useMemo(
    () =>
      (usage?.images ?? []).filter(
        (image) =>
          !image.intermediate &&
          (filter === 'all' || (filter === 'dangling' ? image.dangling : image.containers === 0)),
      ),
    [usage, filter],
  );
  const chosen = images.filter((image) => selected.has(image.id));

  if (!connected) return <p className="empty">Waiting for the Docker engine…</p>;
  return (
    <div className="disk-page">
      <div className="toolbar">
        <Button
          size="sm"
          icon={<RefreshCw size={14} aria-hidden="true" />}
          pending={loading}
          onClick={reload}
          data-testid="disk-refresh"
        >
          Refresh
        </Button>
        <Button
          size="sm"
          variant="primary"
          icon={<Eraser size={14} aria-hidden="true" />}
          onClick={() => setCleaning(true)}
          data-testid="disk-cleanup-open"
        >
          Clean up…
        </Button>
        <span className="toolbar-spacer" />
        <label className="disk-filter">
          <span>Show</span>
          <select
            value={filter}
            onChange={(event) => setFilter(event.target.value as ImageFilter)}
            data-testid="disk-image-filter"
          >
            <option value="all">All images</option>
            <option value="unused">Unused images</option>
            <option value="dangling">Dangling images</option>
          </select>
        </label>
        <Button
          size="sm"
          variant="destructive"
          icon={<Trash2 size={14} aria-hidden="true" />}
          disabled={chosen.length === 0}
          onClick={() => setRemoving(chosen)}
          data-testid="disk-remove-selected"
        >
          {chosen.length > 0 ? `Remove ${plural(chosen.length, 'image')}…` : 'Remove…'}
        </Button>
      </div>
      {notice && (
        <p className="muted" role="status" data-testid="disk-notice">
          {notice}
        </p>
      )}
      {error && <ErrorNote error={error} testId="disk-error" actions={<Button onClick={reload}>Retry</Button>} />}
      {!usage && !error && <p className="empty">Measuring disk use (this can take a while on big hosts)…</p>}
      {usage && (
        <>
          <DiskSummary categories={usage.categories} />
          <ProjectTotals projects={usage.projects} />
          <h2 className="disk-heading">Images</h2>
          <ImagesTable
            images={images}
            selected={selected}
            onSelectedChange={setSelected}
            onShowLayers={setLayersOf}
            emptyText={EMPTY_TEXT[filter]}
          />
        </>
      )}
      {removing && (
        <RemoveImagesDialog
          images={removing}
          onCancel={() => setRemoving(null)}
          onDone={(result) => {
            setRemoving(null);
            setSelected(new Set());
            setNotice(removalNotice(result));
            reload();
          }}
        />
      )}
      {layersOf && <ImageLayersDialog image={layersOf} onClose={() => setLayersOf(null)} />}
      {cleaning && (
        <CleanupDialog
          onClose={() => setCleaning(false)}
          onCleaned={(result) => {
            setSelected(new Set());
            setNotice(`Clean up reclaimed ${formatBytes(result.reclaimedBytes)}.`);
            reload();
          }}
        />
      )}
    </div>
  );
}
