import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { BrowseTarget } from '@shared/schemas/volumes';
import { checkHelperResult } from './helper-errors';
import { STAT_PATH } from './helper-scripts';
import { entryTypeOf, parseStatLines } from './parse-listing';
import type { VolumeBrowser } from './volume-browser';
import { baseName, containerPath, normalizeVolumePath } from './volume-path';

export interface DownloadPlan {
  /** The entry as the helper resolved it (symlinks followed, checked to stay inside). */
  resolved: string;
  type: 'file' | 'directory';
  /** Bytes for a file; null for a directory (its tar size isn't known before it is made). */
  size: number | null;
  /** What to call it on disk: the file's name, or NAME.tar for a directory. */
  suggestedName: string;
}

/** Checks what a download would fetch, before asking the user where to put it. */
export async function planDownload(
  browser: VolumeBrowser,
  target: BrowseTarget,
  entryPath: string,
): Promise<DownloadPlan> {
  const normalized = normalizeVolumePath(entryPath);
  const result = checkHelperResult(
    await browser.run(target, false, STAT_PATH, [containerPath(normalized)]),
    normalized,
    'downloadable',
  );
  const nul = result.stdout.indexOf(0);
  const resolved = result.stdout.subarray(0, nul).toString('utf8');
  const [stat] = parseStatLines(result.stdout.subarray(nul + 1).toString('utf8'), resolved);
  const type = stat ? entryTypeOf(stat.rawMode) : 'other';
  if (type !== 'file' && type !== 'directory') {
    throw new BerthError(
      'E_INVALID_INPUT',
      `"${normalized}" is not a file or a directory, so it cannot be downloaded.`,
      {
        fix: 'Pick a regular file or a directory.',
      },
    );
  }
  const name = baseName(normalized) || (target.kind === 'volume' ? target.volume : 'bind-mount');
  return {
    resolved,
    type,
    size: type === 'file' ? stat!.size : null,
    suggestedName: type === 'file' ? name : `${name}.tar`,
  };
}

/**
 * Streams an entry from the engine's archive API to `destination`: a file as itself (taken out of the tar on the
 * fly), a directory as a .tar. Bytes go to a hidden temp file beside the destination, renamed over it at the end,
 * so a cancelled or failed download never leaves half a file under the chosen name.
 */
export async function downloadEntry(
  browser: VolumeBrowser,
  docker: () => Docker,
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
  try {
    await browser.withHelper(target, false, async (containerId) => {
      const archive = (await docker().getContainer(containerId).getArchive({ path: plan.resolved })) as Readable;
      const source = plan.type === 'file' ? firstFileOf(archive) : archive;
      await pipeline(source, counter, createWriteStream(temp, { flags: 'wx', mode: 0o644 }), { signal });
    });
    await rename(temp, destination);
    return bytes;
  } catch (error) {
    await rm(temp, { force: true });
    if (signal.aborted) throw new BerthError('E_CANCELLED', 'The download was cancelled; nothing was saved.');
    throw error;
  }
}

/** The content of the first regular file in a tar stream. */
function firstFileOf(archive: Readable): Readable {
  const extract = tar.extract();
  const output = new Transform({ transform: (chunk, _encoding, done) => done(null, chunk) });
  let found = false;
  extract.on('entry', (headers, stream, next) => {
    if (found || headers.type !== 'file') {
      stream.on('end', () => next());
      stream.resume();
      return;
    }
    found = true;
    stream.on('end', () => next());
    stream.pipe(output, { end: false });
  });
  extract.on('finish', () => (found ? output.end() : output.destroy(new Error('The archive held no file.'))));
  extract.on('error', (error) => output.destroy(error));
  archive.on('error', (error) => output.destroy(error));
  archive.pipe(extract);
  return output;
}
