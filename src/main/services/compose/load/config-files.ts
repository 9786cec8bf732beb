/**
 * Which Compose files to load and which directory is the project's: `-f` files, else COMPOSE_FILE,
 * else the default names searched from the working directory upwards (plus the matching override file).
 */
import { dirname, join, resolve } from 'node:path';
import { composeNotFoundError } from '../errors/compose-errors';
import {
  COMPOSE_FILE,
  COMPOSE_PATH_SEPARATOR,
  DEFAULT_FILE_NAMES,
  DEFAULT_OVERRIDE_FILE_NAMES,
} from '../util/compose-env-vars';
import type { LoadFiles } from '../util/load-files';

const POSIX_PATH_LIST_SEPARATOR = ':';

/** The project directory before files are known: --project-directory, else the first -f file's directory, else cwd. */
export function initialProjectDirectory(cwd: string, files: readonly string[], projectDirectory?: string): string {
  if (projectDirectory) return resolve(cwd, projectDirectory);
  const first = files.find((file) => file !== '-');
  return first === undefined ? cwd : dirname(resolve(cwd, first));
}

export async function findConfigFiles(
  cwd: string,
  projectDirectory: string,
  files: readonly string[],
  env: Record<string, string>,
  source: LoadFiles,
): Promise<string[]> {
  if (files.length > 0) return files.map((file) => resolve(cwd, file));
  const fromEnv = env[COMPOSE_FILE];
  if (fromEnv !== undefined) {
    const separator = env[COMPOSE_PATH_SEPARATOR] || POSIX_PATH_LIST_SEPARATOR;
    return fromEnv.split(separator).map((file) => resolve(cwd, file));
  }
  return findDefaultFiles(projectDirectory, source);
}

async function findDefaultFiles(start: string, source: LoadFiles): Promise<string[]> {
  for (let directory = start; ; directory = dirname(directory)) {
    const main = await firstFile(DEFAULT_FILE_NAMES, directory, source);
    if (main !== undefined) {
      const override = await firstFile(DEFAULT_OVERRIDE_FILE_NAMES, directory, source);
      return override === undefined ? [main] : [main, override];
    }
    if (dirname(directory) === directory) break;
  }
  throw composeNotFoundError('no configuration file provided: not found');
}

async function firstFile(names: readonly string[], directory: string, source: LoadFiles): Promise<string | undefined> {
  for (const name of names) {
    const path = join(directory, name);
    if (await source.isFile(path)) return path;
  }
  return undefined;
}
