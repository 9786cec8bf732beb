/** The loader's only contact with the disk, so every failure becomes a structured E_COMPOSE_FILE error. */
import { readFileSync, statSync } from 'node:fs';
import { composeFileError } from '../errors/compose-errors';

export function readTextFile(file: string, describe: (reason: string) => string = (reason) => reason): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw composeFileError(describe(ioReason(file, error)), { file }, error);
  }
}

export function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
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
