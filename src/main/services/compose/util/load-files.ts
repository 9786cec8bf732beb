/**
 * The loader's only contact with the disk, asynchronous so loading never blocks the caller's thread. Files
 * Berth passes from memory (its own overrides) are read from there. Every path looked at is remembered with
 * what it was (size and modification time of files), so a cached project can tell whether it is still current.
 * Every failure becomes a structured E_COMPOSE_FILE error.
 */
import { readFile, stat } from 'node:fs/promises';
import { composeFileError, type ComposeFailure } from '../errors/compose-errors';
import { composeLimitError } from './load-limits';

export type FileKind = 'file' | 'directory' | 'missing';

/** What a path was when the load looked at it. */
export interface FileIdentity {
  path: string;
  kind: FileKind;
  size?: number;
  mtimeMs?: number;
}

export class LoadFiles {
  private readonly seen = new Map<string, FileIdentity>();

  constructor(
    private readonly inMemory: ReadonlyMap<string, string> = new Map(),
    private readonly maxFileBytes = Number.POSITIVE_INFINITY,
  ) {}

  async kind(path: string): Promise<FileKind> {
    if (this.inMemory.has(path)) return 'file';
    return (await this.identify(path)).kind;
  }

  async isFile(path: string): Promise<boolean> {
    return (await this.kind(path)) === 'file';
  }

  async isDirectory(path: string): Promise<boolean> {
    return (await this.kind(path)) === 'directory';
  }

  /** A Compose file's bytes (or its in-memory text), refused above the size limit before anything is read. */
  async readComposeFile(path: string): Promise<Uint8Array | string> {
    const remembered = this.inMemory.get(path);
    if (remembered !== undefined) return remembered;
    const identity = await this.identify(path);
    if (identity.kind === 'file' && identity.size! > this.maxFileBytes) {
      throw composeLimitError(
        `${path} is too large for a Compose file (${identity.size} bytes)`,
        'BERTH_COMPOSE_MAX_FILE_BYTES',
        this.maxFileBytes,
        { file: path },
      );
    }
    return this.read(path, (reason) => reason);
  }

  /** A text file (env files): UTF-8, as Compose reads them. */
  async readText(path: string, describe: (reason: string) => string = (reason) => reason): Promise<string> {
    const remembered = this.inMemory.get(path);
    if (remembered !== undefined) return remembered;
    await this.identify(path);
    return (await this.read(path, describe)).toString('utf8');
  }

  /** Everything looked at so far, for deciding later whether a load is still current. */
  identities(): FileIdentity[] {
    return [...this.seen.values()];
  }

  private async read(path: string, describe: (reason: string) => string): Promise<Buffer> {
    try {
      return await readFile(path);
    } catch (error) {
      const failure: ComposeFailure = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file-not-found' : 'parse';
      throw composeFileError(describe(ioReason(path, error)), { file: path }, error, failure);
    }
  }

  private async identify(path: string): Promise<FileIdentity> {
    const known = this.seen.get(path);
    if (known !== undefined) return known;
    const identity = await identityOf(path);
    this.seen.set(path, identity);
    return identity;
  }
}

export async function identityOf(path: string): Promise<FileIdentity> {
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) return { path, kind: 'directory', mtimeMs: stats.mtimeMs };
    return { path, kind: stats.isFile() ? 'file' : 'missing', size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    return { path, kind: 'missing' };
  }
}

/** Go-style `open <file>: no such file or directory`, which is what the Compose CLI prints. */
export function ioReason(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `open ${file}: no such file or directory`;
  if (code === 'EISDIR') return `read ${file}: is a directory`;
  if (code === 'EACCES') return `open ${file}: permission denied`;
  return `${file}: ${(error as Error).message}`;
}
