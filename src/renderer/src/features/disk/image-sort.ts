import type { ImageDisk } from '@shared/schemas/disk';
import { imageName } from './format';

export type ImageSortKey = 'name' | 'id' | 'size' | 'created' | 'containers';

export interface ImageSort {
  key: ImageSortKey;
  descending: boolean;
}

export const DEFAULT_IMAGE_SORT: ImageSort = { key: 'size', descending: true };

const compare: Record<ImageSortKey, (a: ImageDisk, b: ImageDisk) => number> = {
  name: (a, b) => imageName(a).localeCompare(imageName(b)),
  id: (a, b) => a.id.localeCompare(b.id),
  size: (a, b) => a.sizeBytes - b.sizeBytes,
  created: (a, b) => a.createdAt - b.createdAt,
  containers: (a, b) => a.containers - b.containers,
};

/** Sorted by the chosen column, ties by name then id so the order never jumps between refreshes. */
export function sortImages(images: readonly ImageDisk[], sort: ImageSort): ImageDisk[] {
  const direction = sort.descending ? -1 : 1;
  return [...images].sort((a, b) => direction * compare[sort.key](a, b) || compare.name(a, b) || compare.id(a, b));
}

/** Clicking the sorted column flips it; another column starts with its most useful direction. */
export function nextImageSort(current: ImageSort, key: ImageSortKey): ImageSort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key === 'size' || key === 'created' || key === 'containers' };
}
