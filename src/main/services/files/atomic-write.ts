import type * as Crypto from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { loadOnFirstUse } from '../load-on-first-use';

/** node:crypto (~5 ms) loads with the first write, not with every short `berth` command that only reads. */
const crypto = loadOnFirstUse<typeof Crypto>('node:crypto');

/**
 * Writes a file so readers see either the old or the new content, never half of it: write a temp file
 * beside the target, flush it to disk, then rename over the target (atomic on one filesystem).
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${crypto().randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
