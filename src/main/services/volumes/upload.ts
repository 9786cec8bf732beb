import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import * as tar from 'tar-stream';
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { BrowseTarget } from '@shared/schemas/volumes';
import type { ByteQueue } from './byte-queue';
import { checkHelperResult } from './helper-errors';
import { ANY_EXISTS, COMMIT_STAGING, EXIT, MAKE_STAGING, REMOVE_STAGING } from './helper-scripts';
import type { VolumeBrowser } from './volume-browser';
import { containerPath, invalidPath, joinPath, MOUNT_ROOT, normalizeVolumePath } from './volume-path';

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

const STAGING_PREFIX = '.berth-upload-';

/** Normalizes every path and returns the top-level names the upload will create or replace. */
export function topLevelNames(files: UploadFile[]): { files: UploadFile[]; names: string[] } {
  const normalized = files.map((file) => {
    const path = normalizeVolumePath(file.path);
    if (path === '') throw invalidPath(file.path, 'a file needs a name');
    return { path, size: file.size };
  });
  return { files: normalized, names: [...new Set(normalized.map((file) => file.path.split('/')[0]!))] };
}

/** Refuses before any byte is sent when the upload would replace something and the user hasn't agreed. */
export async function checkConflicts(browser: VolumeBrowser, request: UploadRequest, names: string[]): Promise<void> {
  const parent = normalizeVolumePath(request.parent);
  const result = await browser.run(request.target, false, ANY_EXISTS, [containerPath(parent), ...names]);
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
 * Streams the files (read from `bytes`, one after another) as a tar through the archive API into a hidden staging
 * directory in the volume, then moves each top-level entry into place with a rename: readers see all of an entry
 * or none of it. Anything that fails on the way, a cancel included, removes the staging directory.
 */
export async function uploadFiles(
  browser: VolumeBrowser,
  docker: () => Docker,
  request: UploadRequest,
  bytes: ByteQueue,
  onProgress: (bytes: number) => void,
): Promise<number> {
  const { files } = topLevelNames(request.files);
  const parent = normalizeVolumePath(request.parent);
  const staging = `${MOUNT_ROOT}/${STAGING_PREFIX}${randomBytes(6).toString('hex')}`;
  let written = 0;
  return browser.withHelper(request.target, true, async (containerId) => {
    const run = (script: string, args: string[]) => browser.run(request.target, true, script, args);
    checkHelperResult(await run(MAKE_STAGING, [staging]), joinPath(parent, '(upload)'), 'writable');
    try {
      const pack = tar.pack();
      const upload = docker().getContainer(containerId).putArchive(pack, { path: staging }) as Promise<unknown>;
      const feeding = feedTar(pack, files, bytes, (count) => onProgress((written += count)));
      feeding.catch((error: unknown) => pack.destroy(error as Error));
      await Promise.all([feeding, upload]);
      checkHelperResult(
        await run(COMMIT_STAGING, [staging, containerPath(parent), request.overwrite ? 'overwrite' : '']),
        parent,
        'a directory',
      );
      return written;
    } catch (error) {
      await run(REMOVE_STAGING, [staging]).catch(() => {});
      throw error;
    }
  });
}

async function feedTar(
  pack: tar.Pack,
  files: UploadFile[],
  bytes: ByteQueue,
  onBytes: (count: number) => void,
): Promise<void> {
  const now = new Date();
  for (const directory of parentDirectories(files)) {
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: directory, type: 'directory', mode: 0o755, mtime: now }, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }
  for (const file of files) {
    let finished: Promise<void> = Promise.resolve();
    const entry: Writable = pack.entry({ name: file.path, size: file.size, mode: 0o644, mtime: now, type: 'file' });
    finished = new Promise((resolve, reject) => {
      entry.on('finish', resolve);
      entry.on('error', reject);
    });
    let remaining = file.size;
    while (remaining > 0) {
      const chunk = await bytes.read(remaining);
      remaining -= chunk.length;
      if (!entry.write(chunk)) await once(entry, 'drain');
      onBytes(chunk.length);
    }
    entry.end();
    await finished;
  }
  pack.finalize();
}

function parentDirectories(files: UploadFile[]): string[] {
  const directories = new Set<string>();
  for (const file of files) {
    const segments = file.path.split('/');
    for (let depth = 1; depth < segments.length; depth += 1) directories.add(segments.slice(0, depth).join('/'));
  }
  return [...directories].sort();
}
