/**
 * `include:` — loads other Compose applications (each with its own project directory and .env) and adds
 * their services, networks, volumes, secrets and configs to this file. Same name twice is an error unless
 * both definitions are identical; a file including itself (directly or not) is an include cycle.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { readEnvFiles, withFallback, type Environment } from '../env/env-files';
import { composeFileError, composeInvalidError, composeNotFoundError } from '../errors/compose-errors';
import { DOTENV_FILE } from '../util/compose-env-vars';
import type { LoadFiles } from '../util/load-files';
import { emptyMap, isPlainMap, sameData, type PlainMap } from '../util/plain-data';

const IMPORTED_SECTIONS = ['services', 'volumes', 'networks', 'secrets', 'configs'] as const;

export interface IncludedProject {
  files: string[];
  projectDirectory: string;
  environment: Environment;
  /** Chain of files including this one, for cycle detection. */
  included: string[];
}

export type IncludedProjectLoader = (project: IncludedProject) => Promise<PlainMap>;

export interface IncludeContext {
  workingDir: string;
  environment: Environment;
  /** Files already on the include chain (cycle detection). */
  included: string[];
  files: LoadFiles;
  loadIncluded: IncludedProjectLoader;
}

export async function applyInclude(model: PlainMap, context: IncludeContext): Promise<void> {
  const entries = model.include;
  delete model.include;
  if (!Array.isArray(entries)) return;
  for (const entry of entries) {
    const project = await describeInclude(entry, context);
    mergeImported(await context.loadIncluded(project), model);
  }
}

async function describeInclude(entry: unknown, context: IncludeContext): Promise<IncludedProject> {
  const { workingDir, environment, included } = context;
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
  const envFiles = await includeEnvFiles(toList(spec.env_file), workingDir, projectDirectory, context.files);
  return {
    files,
    projectDirectory,
    environment: withFallback(environment, await readEnvFiles(envFiles, environment, context.files)),
    included,
  };
}

async function includeEnvFiles(
  declared: string[],
  workingDir: string,
  projectDirectory: string,
  source: LoadFiles,
): Promise<string[]> {
  if (declared.length === 0) {
    const dotenv = join(projectDirectory, DOTENV_FILE);
    return (await source.isFile(dotenv)) ? [dotenv] : [];
  }
  const files: string[] = [];
  for (const file of declared) {
    if (isAbsolute(file)) {
      files.push(file);
      continue;
    }
    const absolute = join(workingDir, file);
    const kind = await source.kind(absolute);
    if (kind === 'directory') throw composeFileError(`${absolute} is not a file`, { file: absolute });
    if (kind === 'missing')
      throw composeNotFoundError(`stat ${absolute}: no such file or directory`, { file: absolute });
    files.push(absolute);
  }
  return files;
}

function mergeImported(imported: PlainMap, target: PlainMap): void {
  for (const section of IMPORTED_SECTIONS) {
    const from = imported[section];
    if (!isPlainMap(from)) continue;
    const to = isPlainMap(target[section]) ? (target[section] as PlainMap) : emptyMap();
    for (const [name, definition] of Object.entries(from)) {
      if (Object.hasOwn(to, name)) {
        if (sameData(to[name], definition)) continue;
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
