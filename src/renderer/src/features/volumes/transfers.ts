import type { ErrorPayload } from '@shared/errors';
import type { BrowseTarget, TransferMessage } from '@shared/schemas/volumes';
import { api } from '../../lib/api';

export interface LocalFile {
  /** Relative to the directory it goes into; folders keep their tree. */
  path: string;
  file: File;
}

export type TransferUpdate = (message: TransferMessage) => void;

/** Bytes sent ahead of what main has written; keeps memory bounded on both sides of a large upload. */
const UPLOAD_WINDOW = 4 * 1024 * 1024;
const CHUNK = 256 * 1024;

/** Asks main to save an entry where the user picks (main shows the dialog); resolves when done or cancelled. */
export function downloadEntry(target: BrowseTarget, path: string, onUpdate: TransferUpdate): Promise<void> {
  return new Promise((resolve, reject) => {
    const handle = api.streams.open(
      'volumeTransfer',
      { direction: 'download', target, path },
      {
        onMessage(message, cost) {
          onUpdate(message);
          handle.ack(cost);
        },
        onClose: (error?: ErrorPayload) => (error ? reject(error) : resolve()),
      },
    );
  });
}

/**
 * Uploads files into `parent`: main checks for conflicts first (refusing unless `overwrite`), then says it is
 * ready; the files' bytes follow in order as binary input, at most UPLOAD_WINDOW ahead of main's progress.
 */
export function uploadFiles(
  target: BrowseTarget,
  parent: string,
  files: LocalFile[],
  overwrite: boolean,
  onUpdate: TransferUpdate,
): Promise<void> {
  let confirmed = 0;
  let wake: (() => void) | null = null;
  let closed = false;
  return new Promise((resolve, reject) => {
    const handle = api.streams.open(
      'volumeTransfer',
      {
        direction: 'upload',
        target,
        parent,
        files: files.map(({ path, file }) => ({ path, size: file.size })),
        overwrite,
      },
      {
        onMessage(message, cost) {
          onUpdate(message);
          handle.ack(cost);
          if (message.phase !== 'transferring') return;
          const first = confirmed === 0 && message.bytes === 0 && !sending;
          confirmed = message.bytes;
          wake?.();
          if (first) void send();
        },
        onClose(error?: ErrorPayload) {
          closed = true;
          wake?.();
          if (error) reject(error);
          else resolve();
        },
      },
    );
    let sending = false;
    const send = async () => {
      sending = true;
      let sent = 0;
      for (const { file } of files) {
        const reader = file.stream().getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done || closed) break;
          for (let offset = 0; offset < value.length && !closed; offset += CHUNK) {
            while (sent - confirmed > UPLOAD_WINDOW && !closed) await new Promise<void>((ready) => (wake = ready));
            const piece = value.subarray(offset, offset + CHUNK);
            handle.send(piece);
            sent += piece.length;
          }
        }
        if (closed) return;
      }
    };
  });
}

/** Files from a drop, folders walked recursively (paths keep the folder names). */
export async function filesFromDrop(transfer: DataTransfer): Promise<LocalFile[]> {
  const entries = [...transfer.items]
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => Boolean(entry));
  if (entries.length === 0) return [...transfer.files].map((file) => ({ path: file.name, file }));
  const files: LocalFile[] = [];
  for (const entry of entries) await walk(entry, '', files);
  return files;
}

async function walk(entry: FileSystemEntry, prefix: string, into: LocalFile[]): Promise<void> {
  const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    into.push({ path, file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, path, into);
  }
}

/** Files from an <input type="file"> (with `webkitdirectory`, their relative paths keep the folder). */
export function filesFromInput(list: FileList): LocalFile[] {
  return [...list].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}
