/**
 * Loaded projects by what they were loaded from: the options (environment included) and the identity (size,
 * modification time, or absence) of every path the load looked at. A lookup re-checks only that metadata, so a
 * long-lived caller (the app's project list) does not parse unchanged projects again.
 */
import type { ComposeProject } from '../model/project';
import { identityOf, type FileIdentity } from '../util/load-files';
import { deepClone } from '../util/plain-data';
import type { LoadCache, LoadOptions } from './options';
import { ordinalCompare } from '@shared/ordinal-compare';

interface CacheEntry {
  project: ComposeProject;
  files: FileIdentity[];
}

const DEFAULT_CAPACITY = 64;

export class ProjectLoadCache implements LoadCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** A copy of the project loaded with these options, if nothing it read has changed since. */
  async get(options: LoadOptions): Promise<ComposeProject | undefined> {
    const key = cacheKey(options);
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    const current = await Promise.all(entry.files.map((file) => identityOf(file.path)));
    if (!current.every((identity, index) => sameIdentity(identity, entry.files[index]!))) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return deepClone(entry.project);
  }

  set(options: LoadOptions, project: ComposeProject, files: FileIdentity[]): void {
    const key = cacheKey(options);
    this.entries.delete(key);
    this.entries.set(key, { project: deepClone(project), files });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

function cacheKey(options: LoadOptions): string {
  const env = Object.entries(options.env)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => ordinalCompare(a, b));
  return JSON.stringify([
    options.workingDir,
    options.files ?? [],
    options.projectName ?? '',
    options.projectDirectory ?? '',
    options.envFiles ?? [],
    options.profiles ?? [],
    options.services ?? [],
    options.inMemoryFiles ?? [],
    env,
  ]);
}

function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.kind === b.kind && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
