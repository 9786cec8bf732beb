import { ArrowUp, Download, FolderPlus, FolderUp, PencilLine, RefreshCw, Ruler, Trash2, Upload } from 'lucide-react';
import { useRef, useState, type DragEvent } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { BrowseTarget, VolumeEntry } from '@shared/schemas/volumes';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNote } from '../../components/ErrorNote';
import { TypedConfirm } from '../../components/TypedConfirm';
import { api } from '../../lib/api';
import { useBerthStore } from '../../stores/store';
import { Breadcrumbs } from './Breadcrumbs';
import { EntryTable } from './EntryTable';
import { formatBytes, joinPath, parentPath } from './format';
import { NameDialog } from './NameDialog';
import { PreviewPane } from './PreviewPane';
import { downloadEntry, filesFromDrop, filesFromInput, uploadFiles, type LocalFile } from './transfers';
import { PAGE_SIZE, useDirectory } from './use-directory';
import { usePreview } from './use-preview';
import { useTransferStatus } from './use-transfer-status';

type Dialog =
  | { kind: 'delete'; entry: VolumeEntry }
  | { kind: 'rename'; entry: VolumeEntry }
  | { kind: 'mkdir' }
  | { kind: 'overwrite'; files: LocalFile[]; message: string };

function targetLabel(target: BrowseTarget): string {
  return target.kind === 'volume' ? target.volume : `${target.containerId.slice(0, 12)}:${target.destination}`;
}

const icon = (Icon: typeof ArrowUp) => <Icon size={14} aria-hidden="true" />;

/** Browses one volume or bind mount: pages of entries, a preview that follows the selection, transfers, changes. */
export function FileBrowser({ target }: { target: BrowseTarget }) {
  const path = useBerthStore((state) => state.browsePath);
  const browse = useBerthStore((state) => state.browse);
  const directory = useDirectory(target, path);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [sizes, setSizes] = useState<Record<string, number>>({});
  const [transferStatus, onTransfer, setTransferStatus] = useTransferStatus();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  // A symlink opened that isn't a folder: preview what it points to.
  const [linkPreview, setLinkPreview] = useState<string | null>(null);

  const entries = directory.page?.entries ?? [];
  const current = entries[selected];
  const offset = directory.page?.offset ?? 0;
  const total = directory.page?.total ?? 0;

  // Another folder: start over (adjusting state while rendering, as React recommends, rather than in an effect).
  const [shownPath, setShownPath] = useState(path);
  if (shownPath !== path) {
    setShownPath(path);
    setSelected(0);
    setSizes({});
    setError(null);
  }

  const previewed =
    current?.type === 'file' || (current?.type === 'symlink' && linkPreview === current.name)
      ? { path: joinPath(path, current.name), name: current.name }
      : null;
  const preview = usePreview(target, previewed);

  const navigate = (next: string) => browse(target, next);
  const report = (result: { ok: true } | { ok: false; error: ErrorPayload }) => {
    setError(result.ok ? null : result.error);
    return result.ok;
  };
  const refresh = () => directory.load(0);

  const open = async (entry: VolumeEntry) => {
    const entryPath = joinPath(path, entry.name);
    if (entry.type === 'directory') return navigate(entryPath);
    if (entry.type !== 'symlink') return;
    const listing = await api.volumes.listDirectory({ target, path: entryPath, offset: 0, limit: 1 });
    if (listing.ok) navigate(entryPath);
    else setLinkPreview(entry.name);
  };
  const download = (entry: VolumeEntry) =>
    void downloadEntry(target, joinPath(path, entry.name), (message) => onTransfer('Download', message)).catch(
      setError,
    );

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
  const submitName = async (name: string): Promise<ErrorPayload | null> => {
    if (dialog?.kind !== 'rename' && dialog?.kind !== 'mkdir') return null;
    const result =
      dialog.kind === 'mkdir'
        ? await api.volumes.makeDirectory({ target, parent: path, name })
        : await api.volumes.rename({ target, path: joinPath(path, dialog.entry.name), newName: name });
    if (!result.ok) return result.error;
    setDialog(null);
    refresh();
    return null;
  };
  const measure = async (entry: VolumeEntry) => {
    const result = await api.volumes.directorySize({ target, path: joinPath(path, entry.name) });
    if (report(result) && result.ok) setSizes((previous) => ({ ...previous, [entry.name]: result.value.sizeBytes }));
  };
  const pickFiles = (list: FileList | null, input: HTMLInputElement) => {
    if (!list) return;
    upload(filesFromInput(list), false);
    input.value = '';
  };
  const shownError = error ?? directory.error;

  return (
    <section
      className="volume-browser"
      data-testid="volume-browser"
      data-path={path}
      aria-label={`Files in ${targetLabel(target)}`}
      onDragOver={(event) => event.preventDefault()}
      onDrop={onDrop}
    >
      <Breadcrumbs rootLabel={targetLabel(target)} path={path} onNavigate={navigate} />
      <div className="toolbar volume-toolbar">
        <Button
          size="sm"
          icon={icon(ArrowUp)}
          onClick={() => navigate(parentPath(path))}
          disabled={path === ''}
          data-testid="volume-up"
        >
          Up
        </Button>
        <Button size="sm" icon={icon(RefreshCw)} onClick={refresh} data-testid="volume-refresh">
          Refresh
        </Button>
        <Button
          size="sm"
          icon={icon(FolderPlus)}
          onClick={() => setDialog({ kind: 'mkdir' })}
          data-testid="volume-mkdir"
        >
          New folder
        </Button>
        <Button size="sm" icon={icon(Upload)} onClick={() => fileInput.current?.click()} data-testid="volume-upload">
          Upload files
        </Button>
        <Button size="sm" icon={icon(FolderUp)} onClick={() => folderInput.current?.click()}>
          Upload folder
        </Button>
        <Button
          size="sm"
          icon={icon(Download)}
          disabled={!current || current.type === 'other'}
          onClick={() => current && download(current)}
          data-testid="volume-download"
        >
          Download
        </Button>
        <Button
          size="sm"
          icon={icon(PencilLine)}
          disabled={!current}
          onClick={() => current && setDialog({ kind: 'rename', entry: current })}
          data-testid="volume-rename"
        >
          Rename
        </Button>
        <Button
          size="sm"
          icon={icon(Ruler)}
          disabled={current?.type !== 'directory'}
          onClick={() => current && void measure(current)}
          data-testid="volume-dir-size"
        >
          Folder size
        </Button>
        <Button
          size="sm"
          variant="destructive"
          icon={icon(Trash2)}
          disabled={!current}
          onClick={() => current && setDialog({ kind: 'delete', entry: current })}
          data-testid="volume-delete"
        >
          Delete…
        </Button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="volume-upload-input"
          onChange={(event) => pickFiles(event.target.files, event.target)}
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          {...{ webkitdirectory: '' }}
          onChange={(event) => pickFiles(event.target.files, event.target)}
        />
      </div>
      {transferStatus && (
        <p className="muted" role="status" data-testid="volume-transfer-status">
          {transferStatus}
        </p>
      )}
      {shownError && <ErrorNote error={shownError} testId="volume-error" onDismiss={() => setError(null)} />}
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
            setDialog(null);
            if (report(result)) refresh();
          }}
        >
          <p>
            {dialog.entry.type === 'directory' ? 'The folder and everything in it' : 'It'} will be gone for every
            container that uses this volume. This cannot be undone.
          </p>
        </TypedConfirm>
      )}
      {dialog?.kind === 'overwrite' && (
        <ConfirmDialog
          title="Replace existing files?"
          action="Replace"
          destructive
          testId="volume-overwrite"
          confirmTestId="volume-overwrite-ok"
          onConfirm={() => (setDialog(null), upload(dialog.files, true))}
          onCancel={() => setDialog(null)}
        >
          <p>{dialog.message}</p>
        </ConfirmDialog>
      )}
      {(dialog?.kind === 'rename' || dialog?.kind === 'mkdir') && (
        <NameDialog
          title={dialog.kind === 'mkdir' ? 'New folder' : `Rename ${dialog.entry.name}`}
          label={dialog.kind === 'mkdir' ? 'Folder name' : 'New name'}
          initial={dialog.kind === 'rename' ? dialog.entry.name : ''}
          action={dialog.kind === 'mkdir' ? 'Create' : 'Rename'}
          onSubmit={submitName}
          onCancel={() => setDialog(null)}
        />
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
                  <Button
                    size="sm"
                    disabled={offset === 0}
                    onClick={() => directory.load(Math.max(0, offset - PAGE_SIZE))}
                    data-testid="volume-page-prev"
                  >
                    Previous
                  </Button>
                  <Button
                    size="sm"
                    disabled={offset + PAGE_SIZE >= total}
                    onClick={() => directory.load(offset + PAGE_SIZE)}
                    data-testid="volume-page-next"
                  >
                    Next
                  </Button>
                </div>
              )}
            </>
          )}
          {!directory.page && directory.loading && (
            <p className="empty">Loading… (the first look starts a small helper container)</p>
          )}
        </div>
        {preview?.preview && current && (
          <PreviewPane name={preview.name} preview={preview.preview} onDownload={() => download(current)} />
        )}
        {preview?.error && (
          <div className="panel volume-preview">
            <ErrorNote compact error={preview.error} testId="volume-preview-error" />
          </div>
        )}
      </div>
      <p className="muted volume-hint">
        Drop files or folders here to upload them into this folder.{' '}
        {total > 0 &&
          `${formatBytes(entries.reduce((sum, entry) => sum + (entry.type === 'file' ? entry.size : 0), 0))} in files on this page.`}
      </p>
    </section>
  );
}
