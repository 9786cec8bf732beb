import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Writable } from 'node:stream';
import { BerthError } from '@shared/errors';
import type { BrowseTarget } from '@shared/schemas/volumes';
import { checkHelperResult } from './helper-errors';
import { READ_FILE, STAT_ENTRY, TAR_DIRECTORY } from './helper-scripts';
import { TarPrefixer } from './tar-prefix';
import { entryArgs, type VolumeBrowser } from './volume-browser';
import { baseName, nameBytes, normalizeVolumePath } from './volume-path';

export interface DownloadPlan {
  /** The entry, normalized (relative to the root). */
  path: string;
  type: 'file' | 'directory';
  /** Bytes for a file; null for a directory (its tar size isn't known before it is made). */
  size: number | null;
  /** What to call it on disk: the file's name, or NAME.tar for a directory. */
  suggestedName: string;
  /** A directory's entries start with this (its name, or the volume's for the root). */
  archiveName: string;
}

/** Checks what a download would fetch, before asking the user where to put it. */
export async function planDownload(
  browser: VolumeBrowser,
  target: BrowseTarget,
  entryPath: string,
): Promise<DownloadPlan> {
  const normalized = normalizeVolumePath(entryPath);
  const result = checkHelperResult(
    await browser.run(target, false, { script: STAT_ENTRY, args: entryArgs(normalized) }),
    normalized,
    'a file or a directory',
  );
  const [kind, size] = result.stdout.toString('latin1').trim().split(' ');
  const name = baseName(normalized) || (target.kind === 'volume' ? target.volume : 'bind-mount');
  if (kind === 'd') {
    return { path: normalized, type: 'directory', size: null, suggestedName: `${name}.tar`, archiveName: name };
  }
  if (kind === 'f' && /^\d+$/.test(size ?? '')) {
    return { path: normalized, type: 'file', size: Number(size), suggestedName: name, archiveName: name };
  }
  throw new BerthError('E_ENGINE_ERROR', `The helper described "${normalized}" in a way Berth does not understand.`, {
    fix: 'Try again; if it persists, set BERTH_HELPER_IMAGE to a busybox image.',
  });
}

/**
 * Streams an entry out of the volume to `destination`: a file as itself, a directory as a .tar, both read inside the
 * helper without following links out of the volume (the entry is opened, then checked). Bytes go to a hidden temp
 * file beside the destination, renamed over it at the end, so a cancelled or failed download never leaves half a
 * file under the chosen name.
 */
export async function downloadEntry(
  browser: VolumeBrowser,
  target: BrowseTarget,
  plan: DownloadPlan,
  destination: string,
  onProgress: (bytes: number) => void,
  signal: AbortSignal,
): Promise<number> {
  const temp = path.join(
    path.dirname(destination),
    `.${path.basename(destination)}.${randomBytes(4).toString('hex')}.partial`,
  );
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onProgress(bytes);
      done(null, chunk);
    },
  });
  const file = createWriteStream(temp, { flags: 'wx', mode: 0o644 });
  counter.pipe(file);
  let stdout: Writable = counter;
  if (plan.type === 'directory') {
    const prefixer = new TarPrefixer(nameBytes(plan.archiveName));
    prefixer.on('error', (error) => counter.destroy(error));
    prefixer.pipe(counter);
    stdout = prefixer;
  }
  const written = new Promise<void>((resolve, reject) => {
    file.on('finish', resolve);
    file.on('error', reject);
  });
  written.catch(() => {});
  try {
    const result = await browser.run(target, false, {
      script: plan.type === 'file' ? READ_FILE : TAR_DIRECTORY,
      args: entryArgs(plan.path),
      stdout,
      signal,
    });
    await written;
    checkHelperResult(result, plan.path, plan.type === 'file' ? 'a regular file' : 'a directory');
    await rename(temp, destination);
    return bytes;
  } catch (error) {
    file.destroy();
    await rm(temp, { force: true });
    if (signal.aborted) throw new BerthError('E_CANCELLED', 'The download was cancelled; nothing was saved.');
    throw error;
  }
}
