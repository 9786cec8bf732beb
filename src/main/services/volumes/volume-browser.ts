import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { BrowseTarget, DirectoryPage, Preview, VolumeEntry } from '@shared/schemas/volumes';
import { checkHelperResult } from './helper-errors';
import { pickHelperImage } from './helper-image';
import { HelperPool, type MountSource } from './helper-pool';
import {
  DISK_USAGE,
  LIST_DIRECTORY,
  MAKE_DIRECTORY,
  READ_HEAD,
  READ_LINKS,
  REMOVE,
  RENAME,
  shellCommand,
} from './helper-scripts';
import { ListingCache } from './listing-cache';
import { resolveMountSource, targetKey } from './resolve-mount';
import { fillLinkTargets, parseListing, symlinkPaths, type ParsedListing } from './parse-listing';
import { looksLikeImage, MAX_IMAGE_PREVIEW_BYTES, previewContent } from './preview-content';
import { runInHelper, type CommandResult } from './run-in-helper';
import { baseName, containerPath, invalidPath, joinPath, normalizeVolumePath, parentOf } from './volume-path';

/** Symlink paths per `readlink` exec: well under the kernel's argument limit even for long paths. */
const LINKS_PER_EXEC = 2000;

export interface VolumeBrowserOptions {
  docker: () => Docker;
  /** The helper image to use (pulled when missing); by default Berth picks one, see `pickHelperImage`. */
  helperImage?: string;
  /** How long an idle helper stays up. */
  helperIdleMs?: number;
}

/**
 * Reads and changes what is inside volumes and bind mounts through short-lived helper containers. Paths are
 * normalized here and resolved inside the helper, so nothing reaches outside the mount root.
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
      const result = await this.run(target, false, LIST_DIRECTORY, [containerPath(normalized)]);
      checkHelperResult(result, normalized, 'a directory');
      const listing = parseListing(result.stdout);
      await this.readLinkTargets(target, listing);
      entries = listing.entries;
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
    const normalized = normalizeVolumePath(path);
    const limit = looksLikeImage(normalized) ? Math.max(maxBytes, MAX_IMAGE_PREVIEW_BYTES) : maxBytes;
    const result = await this.run(target, false, READ_HEAD, [containerPath(normalized), String(limit)]);
    checkHelperResult(result, normalized, 'a regular file');
    const newline = result.stdout.indexOf(0x0a);
    const size = Number(result.stdout.subarray(0, newline).toString('utf8'));
    return previewContent(baseName(normalized), result.stdout.subarray(newline + 1), size);
  }

  async directorySize(target: BrowseTarget, path: string): Promise<{ path: string; sizeBytes: number }> {
    const normalized = normalizeVolumePath(path);
    const result = checkHelperResult(
      await this.run(target, false, DISK_USAGE, [containerPath(normalized)]),
      normalized,
      'a directory',
    );
    return { path: normalized, sizeBytes: Number(result.stdout.toString('utf8').trim()) * 1024 };
  }

  async makeDirectory(target: BrowseTarget, parent: string, name: string): Promise<{ path: string }> {
    const normalized = normalizeVolumePath(parent);
    const result = await this.run(target, true, MAKE_DIRECTORY, [containerPath(normalized), name]);
    checkHelperResult(result, normalized, 'a directory');
    return { path: joinPath(normalized, name) };
  }

  async rename(target: BrowseTarget, path: string, newName: string): Promise<{ path: string }> {
    const normalized = requireNotRoot(path, 'renamed');
    const result = await this.run(target, true, RENAME, [containerPath(normalized), newName]);
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
    checkHelperResult(await this.run(target, true, REMOVE, [containerPath(normalized)]), normalized, 'deletable');
    return { path: normalized };
  }

  private async readLinkTargets(target: BrowseTarget, listing: ParsedListing): Promise<void> {
    const links = symlinkPaths(listing);
    for (let start = 0; start < links.length; start += LINKS_PER_EXEC) {
      const result = await this.run(target, false, READ_LINKS, links.slice(start, start + LINKS_PER_EXEC));
      fillLinkTargets(listing, result.stdout);
    }
  }

  /** Runs a helper script against a target; writes clear the cached listings of that target. */
  async run(
    target: BrowseTarget,
    writable: boolean,
    script: string,
    args: string[],
    maxOutput?: number,
  ): Promise<CommandResult> {
    const source = await this.mountSource(target);
    if (writable) this.cache.clear(targetKey(target));
    return this.helpers.with(source, writable, (id) =>
      runInHelper(this.options.docker(), id, shellCommand(script, args), maxOutput),
    );
  }

  /** Runs `use` with a helper container that mounts the target (the archive API needs a container). */
  async withHelper<T>(target: BrowseTarget, writable: boolean, use: (containerId: string) => Promise<T>): Promise<T> {
    const source = await this.mountSource(target);
    if (writable) this.cache.clear(targetKey(target));
    return this.helpers.with(source, writable, use);
  }

  dispose(): Promise<void> {
    return this.helpers.releaseAll();
  }

  private mountSource(target: BrowseTarget): Promise<MountSource> {
    return resolveMountSource(this.options.docker(), target);
  }
}

function requireNotRoot(path: string, verb: string): string {
  const normalized = normalizeVolumePath(path);
  if (normalized === '') throw invalidPath(path, `the volume root cannot be ${verb}`);
  return normalized;
}
