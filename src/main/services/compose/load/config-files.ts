/**
 * Which Compose files to load and which directory is the project's: `-f` files, else COMPOSE_FILE,
 * else the default names searched from the working directory upwards (plus the matching override file).
 */
import { dirname, join, resolve } from 'node:path';
import { composeFileError } from '../errors/compose-errors';
import {
  COMPOSE_FILE,
  COMPOSE_PATH_SEPARATOR,
  DEFAULT_FILE_NAMES,
  DEFAULT_OVERRIDE_FILE_NAMES,
} from './compose-env-vars';
import { isFile } from './file-access';

const POSIX_PATH_LIST_SEPARATOR = ':';

/** The project directory before files are known: --project-directory, else the first -f file's directory, else cwd. */
export function initialProjectDirectory(cwd: string, files: readonly string[], projectDirectory?: string): string {
  if (projectDirectory) return resolve(cwd, projectDirectory);
  const first = files.find((file) => file !== '-');
  return first === undefined ? cwd : dirname(resolve(cwd, first));
}

export function findConfigFiles(
  cwd: string,
  projectDirectory: string,
  files: readonly string[],
  env: Record<string, string>,
): string[] {
  if (files.length > 0) return files.map((file) => resolve(cwd, file));
  const fromEnv = env[COMPOSE_FILE];
  if (fromEnv !== undefined) {
    const separator = env[COMPOSE_PATH_SEPARATOR] || POSIX_PATH_LIST_SEPARATOR;
    return fromEnv.split(separator).map((file) => resolve(cwd, file));
  }
  return findDefaultFiles(projectDirectory);
}

function findDefaultFiles(start: string): string[] {
  for (let directory = start; ; directory = dirname(directory)) {
    const main = DEFAULT_FILE_NAMES.map((name) => join(directory, name)).find(isFile);
    if (main !== undefined) {
      const override = DEFAULT_OVERRIDE_FILE_NAMES.map((name) => join(directory, name)).find(isFile);
      return override === undefined ? [main] : [main, override];
    }
    if (dirname(directory) === directory) break;
  }
  throw composeFileError('no configuration file provided: not found', {});
}
