import { BerthError } from '@shared/errors';
import { bytesOfName, helperArg } from './entry-name';

/** Where helper containers mount the volume (or bind mount) being browsed. */
export const MOUNT_ROOT = '/v';

/** Linux's limit on one name (NAME_MAX), in bytes. */
const MAX_NAME_BYTES = 255;

/**
 * Normalizes a path relative to the volume root ('' is the root) and refuses anything that could leave it:
 * absolute paths, `..` segments, NUL, and names no file can have (over 255 bytes, or a lone surrogate that stands
 * for no byte; see entry-name.ts). Empty and `.` segments are dropped, so `a//b/./c/` is `a/b/c`. Symlinks are
 * checked inside the helper, where they can be resolved.
 */
export function normalizeVolumePath(path: string): string {
  if (path.includes('\0')) throw invalidPath(path, 'it contains a NUL character');
  if (path.startsWith('/') || path.startsWith('\\')) throw invalidPath(path, 'it is absolute');
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) throw invalidPath(path, 'it goes up with ".."');
  for (const segment of segments) nameBytes(segment, path);
  return segments.join('/');
}

/** The bytes of one entry name, refused when no file could have that name. */
export function nameBytes(name: string, shownAs = name): Buffer {
  const bytes = bytesOfName(name);
  if (!bytes) throw invalidPath(shownAs, 'it holds text that stands for no file name byte');
  if (bytes.length > MAX_NAME_BYTES) throw invalidPath(shownAs, `a name is at most ${MAX_NAME_BYTES} bytes`);
  return bytes;
}

/** A normalized path as the helper scripts take it: each component spelled byte by byte, joined by "/". */
export function helperPath(normalized: string): string {
  return normalized === '' ? '' : normalized.split('/').map(helperName).join('/');
}

/** One name as the helper scripts take it (see `helperArg`). */
export function helperName(name: string): string {
  return helperArg(nameBytes(name));
}

export function parentOf(normalized: string): string {
  const slash = normalized.lastIndexOf('/');
  return slash < 0 ? '' : normalized.slice(0, slash);
}

export function baseName(normalized: string): string {
  return normalized.slice(normalized.lastIndexOf('/') + 1);
}

export function joinPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}/${name}`;
}

export function invalidPath(path: string, why: string): BerthError {
  return new BerthError('E_INVALID_INPUT', `The path "${path.slice(0, 200)}" is not allowed: ${why}.`, {
    fix: 'Use a path inside the volume, relative to its root, without "..".',
  });
}

export function escapesRoot(path: string): BerthError {
  return new BerthError('E_INVALID_INPUT', `"${path.slice(0, 200)}" leads outside the volume (through a symlink).`, {
    fix: 'Browse the symlink’s target directly if it is inside the volume; Berth never follows links out of it.',
  });
}
