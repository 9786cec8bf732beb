/**
 * Watches the trigger paths (directories recursively, single files through their folder) and hands over the changed
 * paths in batches: a batch goes out once nothing changed for `quietMs` (an editor's save is several events), or
 * `maxWaitMs` after its first change while changes keep coming.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { BerthError } from '@shared/errors';

export interface PathWatcherOptions {
  quietMs?: number;
  maxWaitMs?: number;
  onBatch: (paths: string[]) => void;
  onError: (error: Error) => void;
}

export const DEFAULT_QUIET_MS = 100;
const DEFAULT_MAX_WAIT_MS = 1000;

export class PathWatcher {
  private readonly watchers: FSWatcher[] = [];
  private readonly pending = new Set<string>();
  private quietTimer: NodeJS.Timeout | null = null;
  private maxTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    paths: string[],
    private readonly options: PathWatcherOptions,
  ) {
    for (const path of outermost(paths)) this.watchPath(path);
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.splice(0)) watcher.close();
    this.clearTimers();
    this.pending.clear();
  }

  private watchPath(path: string): void {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new BerthError('E_COMPOSE_INVALID', `cannot watch ${path}: it does not exist`, {
        fix: 'Create it, or fix the path of the develop.watch rule.',
      });
    }
    const watcher = isDirectory
      ? watch(path, { recursive: true }, (_event, name) => this.changed(name ? join(path, name.toString()) : path))
      : watch(dirname(path), (_event, name) => {
          if (name?.toString() === basename(path)) this.changed(path);
        });
    watcher.on('error', (error) => this.options.onError(error));
    this.watchers.push(watcher);
  }

  private changed(path: string): void {
    if (this.closed) return;
    this.pending.add(path);
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.flush(), this.options.quietMs ?? DEFAULT_QUIET_MS);
    this.maxTimer ??= setTimeout(() => this.flush(), this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS);
  }

  private flush(): void {
    this.clearTimers();
    if (this.pending.size === 0 || this.closed) return;
    const batch = [...this.pending];
    this.pending.clear();
    this.options.onBatch(batch);
  }

  private clearTimers(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    if (this.maxTimer) clearTimeout(this.maxTimer);
    this.quietTimer = null;
    this.maxTimer = null;
  }
}

/** Paths not inside another one of the list (a watched folder already sees them). */
function outermost(paths: string[]): string[] {
  const unique = [...new Set(paths)];
  return unique.filter((path) =>
    unique.every((other) => {
      if (other === path) return true;
      const inside = relative(other, path);
      return inside.startsWith('..') || isAbsolute(inside) || !isDir(other);
    }),
  );
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
