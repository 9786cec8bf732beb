import { randomBytes } from 'node:crypto';
import { BerthError } from '@shared/errors';
import type { BrowseTarget } from '@shared/schemas/volumes';
import type { ByteQueue } from './byte-queue';
import { checkHelperResult } from './helper-errors';
import { ANY_EXISTS, EXIT, STAGING_ID_DIGITS, STAGING_PREFIX, UPLOAD } from './helper-scripts';
import { endOfArchive, entryHeader, padding } from './tar-writer';
import type { VolumeBrowser } from './volume-browser';
import { helperName, helperPath, invalidPath, nameBytes, normalizeVolumePath } from './volume-path';

export interface UploadFile {
  /** Relative to the directory uploaded into; folders keep their tree. */
  path: string;
  size: number;
}

export interface UploadRequest {
  target: BrowseTarget;
  parent: string;
  files: UploadFile[];
  overwrite: boolean;
}

export interface UploadOptions {
  /** Another upload's staging directory whose marker is older than this counts as abandoned and is removed. */
  staleStagingSeconds?: number;
  /** The upload fails when neither the client nor the helper moves for this long. */
  idleMs?: number;
}

/** A running upload touches its marker every 30 s; two minutes without a touch means its helper or engine died. */
const DEFAULT_STALE_STAGING_SECONDS = 120;
/** A client that sends nothing for this long has gone away without closing the stream. */
const DEFAULT_UPLOAD_IDLE_MS = 2 * 60_000;
/** Largest piece handed to the helper at once. */
const CHUNK = 1024 * 1024;

/** Normalizes every path, refuses duplicates and files inside files, and returns the top-level names. */
export function topLevelNames(files: UploadFile[]): { files: UploadFile[]; names: string[] } {
  const normalized = files.map((file) => {
    const path = normalizeVolumePath(file.path);
    if (path === '') throw invalidPath(file.path, 'a file needs a name');
    return { path, size: file.size };
  });
  const filePaths = new Set<string>();
  for (const file of normalized) {
    if (filePaths.has(file.path)) throw invalidPath(file.path, 'it is in the upload twice');
    filePaths.add(file.path);
  }
  for (const directory of parentDirectories(normalized)) {
    if (filePaths.has(directory)) throw invalidPath(directory, 'it is both a file and a folder in the upload');
  }
  return { files: normalized, names: [...new Set(normalized.map((file) => file.path.split('/')[0]!))] };
}

/** Refuses before any byte is sent when the upload would replace something and the user hasn't agreed. */
export async function checkConflicts(browser: VolumeBrowser, request: UploadRequest, names: string[]): Promise<void> {
  const parent = normalizeVolumePath(request.parent);
  const result = await browser.run(request.target, false, {
    script: ANY_EXISTS,
    args: [helperPath(parent), ...names.map(helperName)],
  });
  if (result.exitCode === EXIT.exists && !request.overwrite) {
    throw new BerthError(
      'E_INVALID_INPUT',
      `Something named ${names.map((name) => `"${name}"`).join(', ')} already exists there; nothing was uploaded.`,
      {
        fix: 'Confirm replacing it, or rename the upload first.',
        details: { conflict: true },
      },
    );
  }
  if (result.exitCode !== EXIT.exists) checkHelperResult(result, parent, 'a directory');
}

/**
 * Streams the files (read from `bytes`, one after another) as a tar into the helper's stdin, where the UPLOAD script
 * (helper-scripts.ts) stages them in a hidden directory of the volume, checks them and moves each top-level entry
 * into place with a rename: readers see all of an entry or none of it. Anything that fails on the way (a cancel, the
 * helper going away, a client that stops sending) removes the staging directory, and the upload ends with an error.
 */
export async function uploadFiles(
  browser: VolumeBrowser,
  request: UploadRequest,
  bytes: ByteQueue,
  onProgress: (bytes: number) => void,
  options: UploadOptions = {},
): Promise<number> {
  const { files, names } = topLevelNames(request.files);
  const parent = normalizeVolumePath(request.parent);
  const staging = `${STAGING_PREFIX}${randomBytes(STAGING_ID_DIGITS / 2).toString('hex')}`;
  const total = files.reduce((sum, file) => sum + file.size, 0);
  let written = 0;
  const stdin = tarOf(files, bytes, (count) => onProgress((written += count)));
  try {
    const result = await browser.run(request.target, true, {
      script: UPLOAD,
      args: [
        helperPath(parent),
        staging,
        request.overwrite ? 'overwrite' : '',
        String(options.staleStagingSeconds ?? DEFAULT_STALE_STAGING_SECONDS),
        String(files.length),
        String(total),
        ...names.map(helperName),
      ],
      stdin,
      idleMs: options.idleMs ?? DEFAULT_UPLOAD_IDLE_MS,
    });
    checkHelperResult(result, parent, 'a directory');
    if (!result.stdinComplete) {
      throw new BerthError('E_ENGINE_ERROR', 'The helper ended the upload before taking all of it.', {
        fix: 'Try again.',
      });
    }
    return written;
  } catch (error) {
    // The tar may be waiting for bytes that will never be wanted now.
    bytes.fail(error);
    throw error;
  }
}

/** The upload as a tar: the folders, then each file's header, its bytes as they arrive, and padding. */
async function* tarOf(files: UploadFile[], bytes: ByteQueue, onBytes: (count: number) => void): AsyncGenerator<Buffer> {
  const mtime = new Date();
  for (const directory of parentDirectories(files)) {
    yield entryHeader({ name: pathBytes(directory), type: 'directory', size: 0, mode: 0o755, mtime });
  }
  for (const file of files) {
    yield entryHeader({ name: pathBytes(file.path), type: 'file', size: file.size, mode: 0o644, mtime });
    let remaining = file.size;
    while (remaining > 0) {
      const chunk = await bytes.read(Math.min(remaining, CHUNK));
      remaining -= chunk.length;
      yield chunk;
      onBytes(chunk.length);
    }
    const fill = padding(file.size);
    if (fill.length > 0) yield fill;
  }
  yield endOfArchive();
}

function pathBytes(normalized: string): Buffer {
  const parts = normalized.split('/').map((name) => nameBytes(name));
  return Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [part] : [Buffer.from('/'), part])));
}

function parentDirectories(files: UploadFile[]): string[] {
  const directories = new Set<string>();
  for (const file of files) {
    const segments = file.path.split('/');
    for (let depth = 1; depth < segments.length; depth += 1) directories.add(segments.slice(0, depth).join('/'));
  }
  return [...directories].sort();
}
