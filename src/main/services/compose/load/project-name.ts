/**
 * Project name precedence (Compose v2): `-p` > COMPOSE_PROJECT_NAME > the last `name:` in the files >
 * the project directory's base name. Names from files and directories are normalised; explicit ones must
 * already be valid.
 */
import { basename } from 'node:path';
import { composeInvalidError } from '../errors/compose-errors';

const NAME_CHARACTER = /[a-z0-9_-]/g;

export function normalizeProjectName(name: string): string {
  return (name.toLowerCase().match(NAME_CHARACTER) ?? []).join('').replace(/^[_-]+/, '');
}

export function invalidProjectNameError(name: string) {
  return composeInvalidError(
    `invalid project name ${JSON.stringify(name)}: must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`,
    { path: 'name' },
    undefined,
    'command',
  );
}

export interface ProjectNameSources {
  /** `-p`, or COMPOSE_PROJECT_NAME when non-empty. */
  explicit?: string;
  /** The interpolated `name:` of the last file that has one. */
  fromFiles?: string;
  projectDirectory: string;
}

export function chooseProjectName({ explicit, fromFiles, projectDirectory }: ProjectNameSources): string {
  if (explicit) {
    if (normalizeProjectName(explicit) !== explicit) throw invalidProjectNameError(explicit);
    return explicit;
  }
  const named = normalizeProjectName(fromFiles ?? '');
  if (named !== '') return named;
  const fromDirectory = normalizeProjectName(basename(projectDirectory));
  if (fromDirectory === '') throw composeInvalidError('project name must not be empty', { path: 'name' });
  return fromDirectory;
}
