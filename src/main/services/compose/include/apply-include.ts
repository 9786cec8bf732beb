/**
 * `include:` — loads other Compose applications (each with its own project directory and .env) and adds
 * their services, networks, volumes, secrets and configs to this file. Same name twice is an error unless
 * both definitions are identical; a file including itself (directly or not) is an include cycle.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { readEnvFiles, withFallback, type Environment } from '../env/env-files';
import { composeFileError, composeInvalidError } from '../errors/compose-errors';
import { DOTENV_FILE } from '../load/compose-env-vars';
import { isDirectory, isFile } from '../load/file-access';
import { isPlainMap, type PlainMap } from '../util/plain-data';

const IMPORTED_SECTIONS = ['services', 'volumes', 'networks', 'secrets', 'configs'] as const;

export interface IncludedProject {
  files: string[];
  projectDirectory: string;
  environment: Environment;
  /** Chain of files including this one, for cycle detection. */
  included: string[];
}

export type IncludedProjectLoader = (project: IncludedProject) => PlainMap;

export function applyInclude(
  model: PlainMap,
  workingDir: string,
  environment: Environment,
  included: string[],
  loadIncluded: IncludedProjectLoader,
): void {
  const entries = model.include;
  delete model.include;
  if (!Array.isArray(entries)) return;
  for (const entry of entries) {
    const project = describeInclude(entry, workingDir, environment, included);
    mergeImported(loadIncluded(project), model);
  }
}

function describeInclude(
  entry: unknown,
  workingDir: string,
  environment: Environment,
  included: string[],
): IncludedProject {
  const spec = typeof entry === 'string' ? { path: entry } : isPlainMap(entry) ? entry : {};
  const files = toList(spec.path).map((file) => resolve(workingDir, file));
  if (files.length === 0) throw composeInvalidError('include: path is required', { path: 'include' });
  const main = files[0]!;
  if (included.includes(main)) {
    const chain = [...included, main];
    throw composeInvalidError(`include cycle detected:\n${chain[0]}\n include ${chain.slice(1).join('\n include ')}`, {
      file: main,
      path: 'include',
    });
  }
  const projectDirectory =
    typeof spec.project_directory === 'string' && spec.project_directory !== ''
      ? resolve(workingDir, spec.project_directory)
      : dirname(main);
  const envFiles = includeEnvFiles(toList(spec.env_file), workingDir, projectDirectory);
  return {
    files,
    projectDirectory,
    environment: withFallback(environment, readEnvFiles(envFiles, environment)),
    included,
  };
}

function includeEnvFiles(declared: string[], workingDir: string, projectDirectory: string): string[] {
  if (declared.length === 0) {
    const dotenv = join(projectDirectory, DOTENV_FILE);
    return isFile(dotenv) ? [dotenv] : [];
  }
  return declared.map((file) => {
    if (isAbsolute(file)) return file;
    const absolute = join(workingDir, file);
    if (isDirectory(absolute)) throw composeFileError(`${absolute} is not a file`, { file: absolute });
    if (!isFile(absolute)) throw composeFileError(`stat ${absolute}: no such file or directory`, { file: absolute });
    return absolute;
  });
}

function mergeImported(imported: PlainMap, target: PlainMap): void {
  for (const section of IMPORTED_SECTIONS) {
    const from = imported[section];
    if (!isPlainMap(from)) continue;
    const to = isPlainMap(target[section]) ? (target[section] as PlainMap) : {};
    for (const [name, definition] of Object.entries(from)) {
      if (Object.hasOwn(to, name)) {
        if (isDeepStrictEqual(to[name], definition)) continue;
        throw composeInvalidError(`${section}.${name} conflicts with imported resource`, {
          path: `${section}.${name}`,
        });
      }
      to[name] = definition;
    }
    target[section] = to;
  }
}

function toList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.map(String) : [];
}
