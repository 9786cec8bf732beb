import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { BrowseTarget, DirectoryPage, Preview, VolumeEntry } from '@shared/schemas/volumes';
import { checkHelperResult } from './helper-errors';
import { pickHelperImage } from './helper-image';
import { HelperPool, type MountSource } from './helper-pool';
import { DISK_USAGE, LIST_DIRECTORY, MAKE_DIRECTORY, READ_HEAD, REMOVE, RENAME } from './helper-scripts';
import { ListingCache } from './listing-cache';
import { resolveMountSource, targetKey } from './resolve-mount';
import { parseListing } from './parse-listing';
import { looksLikeImage, MAX_IMAGE_PREVIEW_BYTES, previewContent } from './preview-content';
import type { CommandResult, HelperCommand } from './run-in-helper';
import {
  baseName,
  helperName,
  helperPath,
  invalidPath,
  joinPath,
  nameBytes,
  normalizeVolumePath,
  parentOf,
} from './volume-path';

/** `du` of a large tree prints nothing until it is done: it gets longer than other scripts before it counts as stuck. */
const DISK_USAGE_IDLE_MS = 10 * 60_000;

export interface VolumeBrowserOptions {
  docker: () => Docker;
  /** The helper image to use (pulled when missing); by default Berth picks one, see `pickHelperImage`. */
  helperImage?: string;
  /** How long an idle helper stays up. */
  helperIdleMs?: number;
}

/**
 * Reads and changes what is inside volumes and bind mounts through short-lived helper containers. Paths are
 * normalized here and walked inside the helper without following links out of the mount root (helper-scripts.ts).
 */
export class VolumeBrowser {
  readonly helpers: HelperPool;
  private readonly cache = new ListingCache();
  private image: Promise<string> | null = null;

  constructor(private readonly options: VolumeBrowserOptions) {
    this.helpers = new HelperPool({
      docker: options.docker,
      image: () => this.helperImage(),
      idleMs: options.helperIdleMs,
    });
  }

  /** The image helpers run; chosen once, and chosen again after a failure (the user may have fixed it). */
  helperImage(): Promise<string> {
    this.image ??= pickHelperImage(this.options.docker(), { configured: this.options.helperImage }).catch((error) => {
      this.image = null;
      throw error;
    });
    return this.image;
  }

  async listDirectory(target: BrowseTarget, path: string, offset: number, limit: number): Promise<DirectoryPage> {
    const normalized = normalizeVolumePath(path);
    const key = `${targetKey(target)}\0${normalized}`;
    let entries = offset > 0 ? this.cache.get(key) : null;
    if (!entries) {
      const result = await this.run(target, false, { script: LIST_DIRECTORY, args: [helperPath(normalized)] });
      checkHelperResult(result, normalized, 'a directory');
      entries = parseListing(result.stdout);
      this.cache.set(key, entries);
    }
    return { path: normalized, entries: entries.slice(offset, offset + limit), total: entries.length, offset };
  }

  /** All entries of a directory (the CLI and the benchmark); the UI pages instead. */
  async listAll(target: BrowseTarget, path: string): Promise<VolumeEntry[]> {
    const page = await this.listDirectory(target, path, 0, 1);
    return this.cache.get(`${targetKey(target)}\0${page.path}`) ?? [];
  }

  async preview(target: BrowseTarget, path: string, maxBytes: number): Promise<Preview> {
    const normalized = requireNotRoot(path, 'previewed');
    const limit = looksLikeImage(normalized) ? Math.max(maxBytes, MAX_IMAGE_PREVIEW_BYTES) : maxBytes;
    const result = await this.run(target, false, {
      script: READ_HEAD,
      args: [...entryArgs(normalized), String(limit)],
    });
    checkHelperResult(result, normalized, 'a regular file');
    const newline = result.stdout.indexOf(0x0a);
    const size = Number(result.stdout.subarray(0, newline).toString('utf8'));
    return previewContent(baseName(normalized), result.stdout.subarray(newline + 1), size);
  }

  async directorySize(target: BrowseTarget, path: string): Promise<{ path: string; sizeBytes: number }> {
    const normalized = normalizeVolumePath(path);
    const result = checkHelperResult(
      await this.run(target, false, { script: DISK_USAGE, args: [helperPath(normalized)], idleMs: DISK_USAGE_IDLE_MS }),
      normalized,
      'a directory',
    );
    return { path: normalized, sizeBytes: Number(result.stdout.toString('utf8').trim()) * 1024 };
  }

  async makeDirectory(target: BrowseTarget, parent: string, name: string): Promise<{ path: string }> {
    const normalized = normalizeVolumePath(parent);
    const result = await this.run(target, true, {
      script: MAKE_DIRECTORY,
      args: [helperPath(normalized), helperName(entryName(name))],
    });
    checkHelperResult(result, normalized, 'a directory');
    return { path: joinPath(normalized, name) };
  }

  async rename(target: BrowseTarget, path: string, newName: string): Promise<{ path: string }> {
    const normalized = requireNotRoot(path, 'renamed');
    const result = await this.run(target, true, {
      script: RENAME,
      args: [...entryArgs(normalized), helperName(entryName(newName))],
    });
    checkHelperResult(result, normalized, 'renamable');
    return { path: joinPath(parentOf(normalized), newName) };
  }

  /** Deletes a file, a symlink or a directory tree, only when `confirmName` repeats the entry's name. */
  async deleteEntry(target: BrowseTarget, path: string, confirmName: string): Promise<{ path: string }> {
    const normalized = requireNotRoot(path, 'deleted');
    if (confirmName !== baseName(normalized)) {
      throw new BerthError(
        'E_INVALID_INPUT',
        `Nothing was deleted: the confirmation does not match "${baseName(normalized)}".`,
        {
          fix: 'Type the name of the entry exactly to confirm deleting it.',
        },
      );
    }
    checkHelperResult(
      await this.run(target, true, { script: REMOVE, args: entryArgs(normalized) }),
      normalized,
      'deletable',
    );
    return { path: normalized };
  }

  /** Runs a helper script against a target; writes clear the cached listings of that target. */
  async run(target: BrowseTarget, writable: boolean, command: HelperCommand): Promise<CommandResult> {
    const source = await this.mountSource(target);
    if (writable) this.cache.clear(targetKey(target));
    return this.helpers.run(source, writable, command);
  }

  dispose(): Promise<void> {
    return this.helpers.releaseAll();
  }

  private mountSource(target: BrowseTarget): Promise<MountSource> {
    return resolveMountSource(this.options.docker(), target);
  }
}

/** A normalized path as the two arguments scripts that act on one entry take: its directory, and its name. */
export function entryArgs(normalized: string): [string, string] {
  return [helperPath(parentOf(normalized)), normalized === '' ? '' : helperName(baseName(normalized))];
}

/** A name for a new entry: one component, that a file can have. */
function entryName(name: string): string {
  if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\0')) {
    throw invalidPath(name, 'a name cannot be empty, "." or "..", nor contain "/" or NUL');
  }
  nameBytes(name);
  return name;
}

function requireNotRoot(path: string, verb: string): string {
  const normalized = normalizeVolumePath(path);
  if (normalized === '') throw invalidPath(path, `the volume root cannot be ${verb}`);
  return normalized;
}
