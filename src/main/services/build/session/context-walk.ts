/**
 * Walks a build-context directory the way fsutil does for a DiffCopy: depth first, each directory's entries in byte
 * order of their names (the daemon rejects any other order), `.dockerignore`-style excludes (a directory an exception
 * pattern reaches into is kept and entered), include patterns and follow paths as path prefixes, owners reset to
 * root as the docker CLI does.
 */
import { lstat, readdir, readlink, realpath } from 'node:fs/promises';
import { join, posix } from 'node:path';
import ignore from '@balena/dockerignore';

/** fsutil's Stat: `mode` is a Go os.FileMode, `modTime` nanoseconds since the epoch. */
export interface FsStat {
  path: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  modTime: number;
  linkname: string;
  devmajor: number;
  devminor: number;
}

export interface WalkEntry {
  stat: FsStat;
  /** Where the entry is on disk. */
  absolutePath: string;
  /** A regular file, whose content the receiver may request. */
  hasData: boolean;
}

export interface WalkFilter {
  excludes?: string[];
  includes?: string[];
  followPaths?: string[];
}

// Go's os.FileMode bits (io/fs), which fsutil puts on the wire instead of Unix mode bits.
const GO_MODE = {
  dir: 2 ** 31,
  symlink: 2 ** 27,
  device: 2 ** 26,
  namedPipe: 2 ** 25,
  setuid: 2 ** 23,
  setgid: 2 ** 22,
  charDevice: 2 ** 21,
  sticky: 2 ** 20,
};

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const S_IFIFO = 0o010000;
const S_IFBLK = 0o060000;
const S_IFCHR = 0o020000;

/** A Unix st_mode as Go's os.FileMode (sockets dropped, as fsutil's mkstat does). */
export function goFileMode(unixMode: number): number {
  let mode = unixMode & 0o777;
  if (unixMode & 0o4000) mode += GO_MODE.setuid;
  if (unixMode & 0o2000) mode += GO_MODE.setgid;
  if (unixMode & 0o1000) mode += GO_MODE.sticky;
  switch (unixMode & S_IFMT) {
    case S_IFDIR:
      return mode + GO_MODE.dir;
    case S_IFLNK:
      return mode + GO_MODE.symlink;
    case S_IFIFO:
      return mode + GO_MODE.namedPipe;
    case S_IFBLK:
      return mode + GO_MODE.device;
    case S_IFCHR:
      return mode + GO_MODE.device + GO_MODE.charDevice;
    default:
      return mode;
  }
}

export function isGoDir(mode: number): boolean {
  return mode >= GO_MODE.dir;
}

export async function* walkContext(root: string, filter: WalkFilter = {}): AsyncGenerator<WalkEntry> {
  const base = await realpath(root);
  const excluded = filter.excludes?.length ? ignore().add(filter.excludes) : null;
  const exceptions = (filter.excludes ?? []).filter((p) => p.startsWith('!')).map((p) => posix.normalize(p.slice(1)));
  const includes = [...(filter.includes ?? []), ...(filter.followPaths ?? [])].map(cleanPattern);
  yield* walkDir(base, '', { excluded, exceptions, includes: includes.length ? includes : null });
}

interface Matchers {
  excluded: ReturnType<typeof ignore> | null;
  exceptions: string[];
  includes: string[] | null;
}

async function* walkDir(
  dir: string,
  relDir: string,
  matchers: Matchers,
  inIncluded = false,
): AsyncGenerator<WalkEntry> {
  const names = (await readdir(dir).catch(() => [] as string[])).sort(compareBytes);
  for (const name of names) {
    const rel = relDir ? `${relDir}/${name}` : name;
    const absolutePath = join(dir, name);
    const stats = await lstat(absolutePath).catch(() => null);
    if (!stats) continue; // removed while walking
    const isDir = stats.isDirectory();
    let included = inIncluded;
    if (matchers.includes && !inIncluded) {
      const match = includeMatch(matchers.includes, rel);
      if (match === 'none') continue;
      included = match === 'full';
    }
    if (matchers.excluded?.ignores(rel)) {
      if (!isDir) continue;
      const reachedByException = matchers.exceptions.some((pattern) => pattern.startsWith(`${rel}/`));
      if (!reachedByException) continue;
    }
    const stat: FsStat = {
      path: rel,
      mode: goFileMode(stats.mode),
      uid: 0,
      gid: 0,
      size: stats.isFile() ? stats.size : 0,
      modTime: Math.trunc(Number(stats.mtimeMs) * 1e6),
      linkname: stats.isSymbolicLink() ? await readlink(absolutePath) : '',
      devmajor: 0,
      devminor: 0,
    };
    yield { stat, absolutePath, hasData: stats.isFile() };
    if (isDir) yield* walkDir(absolutePath, rel, matchers, included);
  }
}

/** fsutil matches include patterns level by level: a pattern deeper than the path includes it partially (a parent). */
function includeMatch(patterns: string[], path: string): 'none' | 'partial' | 'full' {
  const depth = path.split('/').length;
  let result: 'none' | 'partial' | 'full' = 'none';
  for (const pattern of patterns) {
    const parts = pattern.split('/');
    const partial = parts.length > depth;
    const prefix = partial ? parts.slice(0, depth).join('/') : pattern;
    if (!globMatch(prefix, path)) continue;
    if (!partial) return 'full';
    result = 'partial';
  }
  return result;
}

/** Go's filepath.Match: `*` and `?` within one path segment, `[...]` classes, `\` escapes. */
function globMatch(pattern: string, name: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]!);
    else if (char === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) return false;
      source += `[${pattern
        .slice(i + 1, end)
        .replace(/^\^/, '^')
        .replace(/^!/, '^')}]`;
      i = end;
    } else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`).test(name);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function cleanPattern(pattern: string): string {
  const cleaned = posix.normalize(pattern).replace(/^\/+/, '').replace(/\/+$/, '');
  return cleaned === '.' ? '' : cleaned;
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
