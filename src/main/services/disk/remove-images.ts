/**
 * Removes the images the user chose on the Disk page, each with all its tags (like `docker rmi` of every tag), but
 * never one a container (running or stopped) was created from, nor one other images are built on: the engine would
 * only untag those, freeing nothing.
 */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import { removeImagesConfirmation, type ImageDisk, type RemoveImagesResult } from '@shared/schemas/disk';
import { readDf } from './engine-df';
import type { RawDf } from './engine-df';
import { summarizeDiskUsage } from './system-df';

const hexOf = (id: string) => id.replace(/^sha256:/, '');
const count = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

export function imageLabel(image: Pick<ImageDisk, 'id' | 'repoTags'>): string {
  return image.repoTags.length > 0 ? image.repoTags.join(', ') : `<none> (${hexOf(image.id).slice(0, 12)})`;
}

export async function removeImages(docker: Docker, ids: string[], confirmText: string): Promise<RemoveImagesResult> {
  if (confirmText !== removeImagesConfirmation(ids.length)) {
    throw new BerthError('E_INVALID_INPUT', 'No image was removed: the confirmation does not match the list.', {
      fix: `Confirm "${removeImagesConfirmation(ids.length)}" for the images you selected, after refreshing the list.`,
    });
  }
  const raw = await readDf(docker);
  const { images } = summarizeDiskUsage(raw);
  const whyKeep = keepReasons(raw);
  const result: RemoveImagesResult = { removed: [], skipped: [], reclaimedBytes: 0 };
  for (const id of new Set(ids)) {
    const image = images.find((candidate) => candidate.id === id);
    if (!image) {
      result.skipped.push({ id, name: id, sizeBytes: 0, reason: 'it no longer exists' });
      continue;
    }
    const item = { id: image.id, name: imageLabel(image), sizeBytes: image.uniqueSizeBytes ?? image.sizeBytes };
    const reason = whyKeep(image);
    if (reason) {
      result.skipped.push({ ...item, reason });
      continue;
    }
    try {
      await removeImage(docker, image);
      result.removed.push(item);
      result.reclaimedBytes += item.sizeBytes;
    } catch (error) {
      const message = (error as { json?: { message?: string } }).json?.message ?? (error as Error).message;
      result.skipped.push({ ...item, reason: message });
    }
  }
  return result;
}

/** Why an image must stay (null: it may go): containers use it, or images are built on it. */
function keepReasons(raw: RawDf): (image: ImageDisk) => string | null {
  const children = new Map<string, number>();
  for (const { ParentId } of raw.Images ?? []) if (ParentId) children.set(ParentId, (children.get(ParentId) ?? 0) + 1);
  return (image) => {
    if (image.containers > 0) {
      const projects = image.projects.length > 0 ? ` (project ${image.projects.join(', ')})` : '';
      const users = count(image.containers, 'a container uses', 'containers use');
      return `${users} it${projects}: remove ${image.containers === 1 ? 'it' : 'them'} first`;
    }
    const built = children.get(image.id) ?? 0;
    if (built > 0)
      return `${count(built, 'an image is', 'images are')} built on it: remove ${built === 1 ? 'that' : 'those'} first`;
    return null;
  };
}

/** Untags each name, then removes what is left under the id (an image pulled by digest keeps no tag). */
async function removeImage(docker: Docker, image: ImageDisk): Promise<void> {
  for (const tag of image.repoTags) await docker.getImage(tag).remove();
  const left = await docker
    .getImage(image.id)
    .inspect()
    .then(() => true)
    .catch((error: { statusCode?: number }) => {
      if (error.statusCode === 404) return false;
      throw error;
    });
  if (left) await docker.getImage(image.id).remove();
}
