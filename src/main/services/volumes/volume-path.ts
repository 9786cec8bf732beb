import { BerthError } from '@shared/errors';

/** Where helper containers mount the volume (or bind mount) being browsed. */
export const MOUNT_ROOT = '/v';

/**
 * Normalizes a path relative to the volume root ('' is the root) and refuses anything that could leave it:
 * absolute paths, `..` segments, NUL. Empty and `.` segments are dropped, so `a//b/./c/` is `a/b/c`.
 * Symlinks are checked inside the helper, where they can be resolved (see `resolveInside`).
 */
export function normalizeVolumePath(path: string): string {
  if (path.includes('\0')) throw invalidPath(path, 'it contains a NUL character');
  if (path.startsWith('/') || path.startsWith('\\')) throw invalidPath(path, 'it is absolute');
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) throw invalidPath(path, 'it goes up with ".."');
  return segments.join('/');
}

/** The path as the helper container sees it. */
export function containerPath(normalized: string): string {
  return normalized === '' ? MOUNT_ROOT : `${MOUNT_ROOT}/${normalized}`;
}

/** The volume-relative path of a path the helper reports (after `realpath`), or null when it is outside. */
export function relativeToRoot(resolved: string): string | null {
  if (resolved === MOUNT_ROOT) return '';
  return resolved.startsWith(`${MOUNT_ROOT}/`) ? resolved.slice(MOUNT_ROOT.length + 1) : null;
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
