import type { CleanupKind, DiskCategory, ImageDisk } from '@shared/schemas/disk';

export { formatBytes } from '../volumes/format';

export const CATEGORY_LABELS: Record<DiskCategory['type'], string> = {
  images: 'Images',
  containers: 'Containers',
  volumes: 'Volumes',
  'build-cache': 'Build cache',
};

export const CLEANUP_LABELS: Record<CleanupKind, string> = {
  containers: 'Stopped containers',
  images: 'Images',
  'build-cache': 'Build cache',
  volumes: 'Unused volumes',
};

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** The row's name: its first `repo:tag`, or `<none>` for a dangling image. */
export function imageName(image: Pick<ImageDisk, 'repoTags'>): string {
  return image.repoTags[0] ?? '<none>';
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "3 hours ago", "12 days ago": how old an image is at a glance (the exact time is in the tooltip). */
export function formatAge(ms: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - ms) / 1000));
  const steps: Array<[number, string]> = [
    [60, 'second'],
    [60, 'minute'],
    [24, 'hour'],
    [30, 'day'],
    [12, 'month'],
  ];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (value < size) return `${plural(value, unit)} ago`;
    value = Math.floor(value / size);
  }
  return `${plural(value, 'year')} ago`;
}
