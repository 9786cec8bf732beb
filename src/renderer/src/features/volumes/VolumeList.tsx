import { useMemo, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import { pruneConfirmation, type VolumeSummary } from '@shared/schemas/volumes';
import { api } from '../../lib/api';
import { useBerthStore } from '../../stores/store';
import { FolderOpen, RefreshCw, Ruler, Trash2 } from 'lucide-react';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ErrorNote } from '../../components/ErrorNote';
import { IconButton } from '../../components/IconButton';
import { Truncate } from '../../components/Truncate';
import { TypedConfirm } from '../../components/TypedConfirm';
import { formatBytes } from './format';

const ALL = '';
const NO_PROJECT = '(none)';

function usersText(volume: VolumeSummary): string {
  if (volume.usedBy.length === 0) return '';
  return volume.usedBy
    .map((user) => `${user.containerName} → ${user.destination}${user.readOnly ? ' (ro)' : ''}`)
    .join(', ');
}

/** Volumes, per project or all, with who uses them; sizes on request (the engine's disk-usage call is slow). */
export function VolumeList() {
  const list = useBerthStore((state) => state.volumeList);
  const sizes = useBerthStore((state) => state.volumeSizes);
  const sizesLoading = useBerthStore((state) => state.volumeSizesLoading);
  const loadSizes = useBerthStore((state) => state.loadVolumeSizes);
  const loadVolumes = useBerthStore((state) => state.loadVolumes);
  const browse = useBerthStore((state) => state.browse);
  const target = useBerthStore((state) => state.browseTarget);
  const [project, setProject] = useState(ALL);
  const [deleting, setDeleting] = useState<VolumeSummary | null>(null);
  const [pruning, setPruning] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const projects = useMemo(
    () => [...new Set((list?.volumes ?? []).map((volume) => volume.project ?? NO_PROJECT))],
    [list],
  );
  const volumes = (list?.volumes ?? []).filter(
    (volume) => project === ALL || (volume.project ?? NO_PROJECT) === project,
  );
  const binds = (list?.bindMounts ?? []).filter((bind) => project === ALL || (bind.project ?? NO_PROJECT) === project);

  return (
    <section className="volume-list" data-testid="volume-list">
      <div className="toolbar">
        <label className="inline-field">
          <span>Project</span>
          <select
            value={project}
            onChange={(event) => setProject(event.target.value)}
            data-testid="volume-project-filter"
          >
            <option value={ALL}>All</option>
            {projects.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <Button
          size="sm"
          icon={<RefreshCw size={14} aria-hidden="true" />}
          onClick={() => void loadVolumes()}
          data-testid="volume-list-refresh"
        >
          Refresh
        </Button>
        <Button
          size="sm"
          icon={<Ruler size={14} aria-hidden="true" />}
          onClick={() => void loadSizes()}
          pending={sizesLoading}
          disabled={sizesLoading}
          data-testid="volume-sizes"
        >
          {sizesLoading ? 'Measuring…' : 'Show sizes'}
        </Button>
        <Button
          size="sm"
          variant="destructive"
          icon={<Trash2 size={14} aria-hidden="true" />}
          disabled={!volumes.some((volume) => volume.dangling)}
          onClick={() => setPruning(volumes.filter((volume) => volume.dangling).map((volume) => volume.name))}
          data-testid="volume-prune"
        >
          Delete dangling…
        </Button>
      </div>
      {notice && (
        <p className="muted" role="status" data-testid="volume-notice">
          {notice}
        </p>
      )}
      {pruning && (
        <TypedConfirm
          title={`Delete ${pruning.length} dangling volume${pruning.length === 1 ? '' : 's'}?`}
          expected={pruneConfirmation(pruning.length)}
          action="Delete volumes"
          onCancel={() => setPruning(null)}
          onConfirm={async (typed) => {
            const result = await api.volumes.prune({ names: pruning, confirmText: typed });
            setPruning(null);
            setError(result.ok ? null : result.error);
            if (result.ok) {
              const skipped = result.value.skipped.map((skip) => `${skip.name} (${skip.reason})`).join(', ');
              setNotice(`Deleted ${result.value.removed.length} volume(s).${skipped ? ` Kept: ${skipped}.` : ''}`);
            }
            void loadVolumes();
          }}
        >
          <p>No container uses these; everything in them will be deleted. This cannot be undone.</p>
          <ul className="mono">
            {pruning.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </TypedConfirm>
      )}
      {error && <ErrorNote error={error} testId="volume-list-error" onDismiss={() => setError(null)} />}
      {deleting && (
        <TypedConfirm
          title={`Delete the volume ${deleting.name}?`}
          expected={deleting.name}
          action="Delete volume"
          onCancel={() => setDeleting(null)}
          onConfirm={async (typed) => {
            const result = await api.volumes.remove({ volume: deleting.name, confirmName: typed });
            setError(result.ok ? null : result.error);
            setDeleting(null);
            if (result.ok && target?.kind === 'volume' && target.volume === deleting.name) browse(null);
            void loadVolumes();
          }}
        >
          {deleting.usedBy.length > 0 ? (
            <p className="warning">
              Used by {deleting.usedBy.map((user) => `${user.containerName} (${user.state})`).join(', ')}: remove those
              containers first.
            </p>
          ) : (
            <p>No container uses it. Everything in it will be deleted; this cannot be undone.</p>
          )}
        </TypedConfirm>
      )}
      <div className="table-frame">
        <table className="data-table volume-table">
          <thead>
            <tr>
              <th className="col-volume">Volume</th>
              <th className="col-project">Project</th>
              <th>Used by</th>
              <th className="col-driver">Driver</th>
              <th className="col-size">Size</th>
              <th className="col-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {volumes.map((volume) => (
              <tr
                key={volume.name}
                data-testid="volume-row"
                data-volume={volume.name}
                className={target?.kind === 'volume' && target.volume === volume.name ? 'selected' : undefined}
              >
                <td>
                  <span className="cell-with-badges">
                    <button
                      type="button"
                      className="link-button mono truncate"
                      onClick={() => browse({ kind: 'volume', volume: volume.name })}
                      title={`${volume.name} (on the engine: ${volume.mountpoint})`}
                      data-testid="volume-browse"
                    >
                      {volume.name}
                    </button>
                    {volume.dangling && (
                      <Badge tone="warn" testId="volume-dangling" title="No container uses it">
                        dangling
                      </Badge>
                    )}
                  </span>
                </td>
                <td>
                  <Truncate text={volume.project ? `${volume.project} / ${volume.composeName ?? ''}` : '—'} />
                </td>
                <td className="muted">
                  <Truncate text={usersText(volume) || '—'} />
                </td>
                <td>{volume.driver}</td>
                <td data-testid="volume-size">
                  {volume.name in sizes ? (sizes[volume.name] === null ? '?' : formatBytes(sizes[volume.name]!)) : ''}
                </td>
                <td className="col-actions">
                  <IconButton
                    icon={<Trash2 size={15} />}
                    label={`Delete the volume ${volume.name}`}
                    size="sm"
                    className="danger-icon"
                    onClick={() => setDeleting(volume)}
                    data-testid="volume-remove"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {volumes.length === 0 && list && <p className="empty">No volumes{project === ALL ? '' : ' in this project'}.</p>}
      {binds.length > 0 && (
        <>
          <h2>Bind mounts</h2>
          <div className="table-frame">
            <table className="data-table bind-table">
              <thead>
                <tr>
                  <th>Host folder</th>
                  <th>Mounted in</th>
                  <th className="col-actions">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {binds.map((bind) => (
                  <tr key={`${bind.containerId}:${bind.destination}`} data-testid="bind-row">
                    <td>
                      <button
                        type="button"
                        className="link-button mono truncate"
                        title={bind.source}
                        onClick={() =>
                          browse({ kind: 'bind', containerId: bind.containerId, destination: bind.destination })
                        }
                      >
                        {bind.source}
                      </button>
                    </td>
                    <td className="muted">
                      <Truncate text={`${bind.containerName} → ${bind.destination}${bind.readOnly ? ' (ro)' : ''}`} />
                    </td>
                    <td className="col-actions">
                      <IconButton
                        icon={<FolderOpen size={15} />}
                        label="Show in folder"
                        size="sm"
                        onClick={async () => {
                          const result = await api.volumes.revealBindMount({
                            containerId: bind.containerId,
                            destination: bind.destination,
                          });
                          setError(result.ok ? null : result.error);
                        }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
