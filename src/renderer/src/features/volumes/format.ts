import type { VolumeEntry } from '@shared/schemas/volumes';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

const TYPE_LETTER: Record<VolumeEntry['type'], string> = { directory: 'd', symlink: 'l', file: '-', other: '?' };

/** `ls -l` style: drwxr-xr-x. */
export function formatMode(type: VolumeEntry['type'], mode: number): string {
  const bits = 'rwxrwxrwx'
    .split('')
    .map((letter, index) => ((mode >> (8 - index)) & 1 ? letter : '-'))
    .join('');
  return TYPE_LETTER[type] + bits;
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function joinPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}/${name}`;
}

export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
