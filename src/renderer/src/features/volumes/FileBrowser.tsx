import { useRef, useState, type DragEvent } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { BrowseTarget, Preview, VolumeEntry } from '@shared/schemas/volumes';
import { api } from '../../lib/api';
import { useBerthStore } from '../../stores/store';
import { Breadcrumbs } from './Breadcrumbs';
import { EntryTable } from './EntryTable';
import { formatBytes, joinPath, parentPath } from './format';
import { PreviewPane } from './PreviewPane';
import { downloadEntry, filesFromDrop, filesFromInput, uploadFiles, type LocalFile } from './transfers';
import { TypedConfirm } from './TypedConfirm';
import { PAGE_SIZE, useDirectory } from './use-directory';
import { useTransferStatus } from './use-transfer-status';

type Dialog =
  | { kind: 'delete'; entry: VolumeEntry }
  | { kind: 'rename'; entry: VolumeEntry }
  | { kind: 'mkdir' }
  | { kind: 'overwrite'; files: LocalFile[]; message: string };

function targetLabel(target: BrowseTarget): string {
  return target.kind === 'volume' ? target.volume : `${target.containerId.slice(0, 12)}:${target.destination}`;
}

/** Browses one volume or bind mount: pages of entries, preview, transfers and changes, all through main. */
export function FileBrowser({ target }: { target: BrowseTarget }) {
  const path = useBerthStore((state) => state.browsePath);
  const browse = useBerthStore((state) => state.browse);
  const directory = useDirectory(target, path);
  const [selected, setSelected] = useState(0);
  const [preview, setPreview] = useState<{ name: string; preview: Preview } | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [nameInput, setNameInput] = useState('');
  const [sizes, setSizes] = useState<Record<string, number>>({});
  const [transferStatus, onTransfer, setTransferStatus] = useTransferStatus();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const entries = directory.page?.entries ?? [];
  const current = entries[selected];
  const offset = directory.page?.offset ?? 0;
  const total = directory.page?.total ?? 0;

  // Another folder: start over (adjusting state while rendering, as React recommends, rather than in an effect).
  const [shownPath, setShownPath] = useState(path);
  if (shownPath !== path) {
    setShownPath(path);
    setSelected(0);
    setPreview(null);
    setSizes({});
    setError(null);
  }

  const navigate = (next: string) => browse(target, next);
  const report = (result: { ok: true } | { ok: false; error: ErrorPayload }) => {
    setError(result.ok ? null : result.error);
    return result.ok;
  };

  const open = async (entry: VolumeEntry) => {
    const entryPath = joinPath(path, entry.name);
    if (entry.type === 'directory') return navigate(entryPath);
    if (entry.type === 'symlink') {
      const listing = await api.volumes.listDirectory({ target, path: entryPath, offset: 0, limit: 1 });
      if (listing.ok) return navigate(entryPath);
    }
    const result = await api.volumes.preview({ target, path: entryPath });
    if (report(result) && result.ok) setPreview({ name: entry.name, preview: result.value });
  };

  const refresh = () => directory.load(0);

  const upload = (files: LocalFile[], overwrite: boolean) => {
    if (files.length === 0) return;
    setError(null);
    uploadFiles(target, path, files, overwrite, (message) => onTransfer('Upload', message)).then(
      refresh,
      (failure: ErrorPayload) => {
        const conflict = (failure.details as { conflict?: boolean } | undefined)?.conflict;
        if (conflict && !overwrite) {
          setTransferStatus(null);
          setDialog({ kind: 'overwrite', files, message: failure.message });
        } else {
          setError(failure);
        }
      },
    );
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void filesFromDrop(event.dataTransfer).then((files) => upload(files, false));
  };

  const submitName = async () => {
    if (!dialog || (dialog.kind !== 'rename' && dialog.kind !== 'mkdir')) return;
    const result =
      dialog.kind === 'mkdir'
        ? await api.volumes.makeDirectory({ target, parent: path, name: nameInput })
        : await api.volumes.rename({ target, path: joinPath(path, dialog.entry.name), newName: nameInput });
    if (report(result)) {
      setDialog(null);
      refresh();
    }
  };

  return (
    <section
      className="volume-browser"
      data-testid="volume-browser"
      data-path={path}
      onDragOver={(event) => event.preventDefault()}
      onDrop={onDrop}
    >
      <Breadcrumbs rootLabel={targetLabel(target)} path={path} onNavigate={navigate} />
      <div className="toolbar">
        <button type="button" onClick={() => navigate(parentPath(path))} disabled={path === ''} data-testid="volume-up">
          Up
        </button>
        <button type="button" onClick={refresh} data-testid="volume-refresh">
          Refresh
        </button>
        <button
          type="button"
          onClick={() => (setNameInput(''), setDialog({ kind: 'mkdir' }))}
          data-testid="volume-mkdir"
        >
          New folder
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} data-testid="volume-upload">
          Upload files
        </button>
        <button type="button" onClick={() => folderInput.current?.click()}>
          Upload folder
        </button>
        <button
          type="button"
          disabled={!current || (current.type !== 'file' && current.type !== 'directory' && current.type !== 'symlink')}
          onClick={() =>
            current &&
            void downloadEntry(target, joinPath(path, current.name), (message) =>
              onTransfer('Download', message),
            ).catch(setError)
          }
          data-testid="volume-download"
        >
          Download
        </button>
        <button
          type="button"
          disabled={!current}
          onClick={() => current && (setNameInput(current.name), setDialog({ kind: 'rename', entry: current }))}
          data-testid="volume-rename"
        >
          Rename
        </button>
        <button
          type="button"
          disabled={!current}
          onClick={() => current && setDialog({ kind: 'delete', entry: current })}
          data-testid="volume-delete"
        >
          Delete
        </button>
        <button
          type="button"
          disabled={current?.type !== 'directory'}
          onClick={async () => {
            if (!current) return;
            const result = await api.volumes.directorySize({ target, path: joinPath(path, current.name) });
            if (report(result) && result.ok)
              setSizes((previous) => ({ ...previous, [current.name]: result.value.sizeBytes }));
          }}
          data-testid="volume-dir-size"
        >
          Folder size
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="volume-upload-input"
          onChange={(event) =>
            event.target.files && (upload(filesFromInput(event.target.files), false), (event.target.value = ''))
          }
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          {...{ webkitdirectory: '' }}
          onChange={(event) =>
            event.target.files && (upload(filesFromInput(event.target.files), false), (event.target.value = ''))
          }
        />
      </div>
      {transferStatus && (
        <p className="muted" role="status" data-testid="volume-transfer-status">
          {transferStatus}
        </p>
      )}
      {(error ?? directory.error) && (
        <p className="error" role="alert" data-testid="volume-error">
          {(error ?? directory.error)!.message} {(error ?? directory.error)!.fix}
        </p>
      )}
      {dialog?.kind === 'delete' && (
        <TypedConfirm
          title={`Delete ${dialog.entry.name}?`}
          expected={dialog.entry.name}
          action="Delete"
          onCancel={() => setDialog(null)}
          onConfirm={async (typed) => {
            const result = await api.volumes.deleteEntry({
              target,
              path: joinPath(path, dialog.entry.name),
              confirmName: typed,
            });
            if (report(result)) {
              setDialog(null);
              refresh();
            }
          }}
        >
          <p>
            {dialog.entry.type === 'directory' ? 'The folder and everything in it' : 'It'} will be gone for every
            container that uses this volume. This cannot be undone.
          </p>
        </TypedConfirm>
      )}
      {dialog?.kind === 'overwrite' && (
        <div className="panel volume-confirm" role="alertdialog" data-testid="volume-overwrite">
          <p>{dialog.message}</p>
          <div className="toolbar">
            <button
              type="button"
              className="danger"
              onClick={() => (setDialog(null), upload(dialog.files, true))}
              data-testid="volume-overwrite-ok"
            >
              Replace
            </button>
            <button type="button" onClick={() => setDialog(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {(dialog?.kind === 'rename' || dialog?.kind === 'mkdir') && (
        <form
          className="toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            void submitName();
          }}
        >
          <label>
            {dialog.kind === 'mkdir' ? 'New folder name' : `Rename ${dialog.entry.name} to`}{' '}
            <input
              autoFocus
              value={nameInput}
              onChange={(event) => setNameInput(event.target.value)}
              data-testid="volume-name-input"
            />
          </label>
          <button type="submit" disabled={nameInput === ''}>
            {dialog.kind === 'mkdir' ? 'Create' : 'Rename'}
          </button>
          <button type="button" onClick={() => setDialog(null)}>
            Cancel
          </button>
        </form>
      )}
      <div className="volume-browser-body">
        <div className="volume-listing">
          {directory.page && (
            <>
              <p className="muted" data-testid="volume-page-info">
                {total === 0 ? 'Empty folder' : `Entries ${offset + 1}–${offset + entries.length} of ${total}`}
                {directory.loading ? ' · loading…' : ''}
              </p>
              <EntryTable
                entries={entries}
                selected={selected}
                onSelect={setSelected}
                onOpen={(entry) => void open(entry)}
                onUp={() => path !== '' && navigate(parentPath(path))}
                onDelete={(entry) => setDialog({ kind: 'delete', entry })}
                sizes={sizes}
              />
              {total > PAGE_SIZE && (
                <div className="toolbar volume-pager">
                  <button
                    type="button"
                    disabled={offset === 0}
                    onClick={() => directory.load(Math.max(0, offset - PAGE_SIZE))}
                    data-testid="volume-page-prev"
                  >
                    Previous
                  </button>
                  <button
                    type="button"
                    disabled={offset + PAGE_SIZE >= total}
                    onClick={() => directory.load(offset + PAGE_SIZE)}
                    data-testid="volume-page-next"
                  >
                    Next
                  </button>
                </div>
              )}
            </>
          )}
          {!directory.page && directory.loading && (
            <p className="empty">Loading… (the first look starts a small helper container)</p>
          )}
        </div>
        {preview && <PreviewPane name={preview.name} preview={preview.preview} />}
      </div>
      <p className="muted volume-hint">
        Drop files or folders here to upload them into this folder.{' '}
        {total > 0 &&
          `${formatBytes(entries.reduce((sum, entry) => sum + (entry.type === 'file' ? entry.size : 0), 0))} in files on this page.`}
      </p>
    </section>
  );
}
