/**
 * Files + environment → ComposeProject, as `docker compose config` does: find the files and the project's
 * environment, pick the name, merge the files into one model (load-model.ts), normalise and decode it into the
 * typed model, apply profiles, read services' env files, drop unused resources.
 */
import { dirname, resolve } from 'node:path';
import { readEnvFiles, withFallback, type Environment } from '../env/env-files';
import { resolveServiceEnvFiles } from '../env/service-env-files';
import { composeFileError, composeInvalidError } from '../errors/compose-errors';
import { substitute } from '../interpolation/template';
import { orderLikeGo } from '../model/go-order';
import type { ComposeProject, InMemoryComposeFile } from '../model/project';
import { checkConsistency } from '../normalize/check-consistency';
import { checkDependencyCycles } from '../normalize/dependency-cycles';
import { decodeModel } from '../normalize/decode-model';
import { normalizeModel } from '../normalize/normalize-model';
import { activeProfilesFor, DEFAULT_PROFILES, splitByProfiles } from '../profiles/profiles';
import { selectServices } from '../profiles/select-services';
import { withoutUnusedResources } from '../profiles/unused-resources';
import {
  COMPOSE_DISABLE_ENV_FILE,
  COMPOSE_PROFILES,
  COMPOSE_PROJECT_NAME,
  DOTENV_FILE,
} from '../util/compose-env-vars';
import { LoadFiles } from '../util/load-files';
import { limitsFromEnvironment } from '../util/load-limits';
import { emptyMap, isPlainMap } from '../util/plain-data';
import { findConfigFiles, initialProjectDirectory } from './config-files';
import type { LoadContext } from './load-context';
import { loadModel, parseFile } from './load-model';
import { withSourcePosition } from './locate-error';
import type { LoadOptions } from './options';
import { chooseProjectName } from './project-name';

export interface LoadedProject {
  project: ComposeProject;
  /** Every file the load looked at, for telling later whether the project is still current. */
  files: LoadFiles;
}

export async function loadProjectUncached(options: LoadOptions): Promise<LoadedProject> {
  const shell = definedOnly(options.env);
  const cwd = options.workingDir;
  const requestedFiles = options.files ?? [];
  const berthFiles = options.inMemoryFiles ?? [];
  const limits = limitsFromEnvironment(options.env);
  const files = new LoadFiles(new Map(berthFiles.map((file) => [file.path, file.content])), limits.maxFileBytes);
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    options.onWarning?.(message);
  };

  const firstDirectory = initialProjectDirectory(cwd, requestedFiles, options.projectDirectory);
  const firstEnvironment = await projectEnvironment(shell, cwd, firstDirectory, options.envFiles, files);
  const userFiles = await findConfigFiles(cwd, firstDirectory, requestedFiles, firstEnvironment, files);
  const configFiles = [...userFiles, ...berthFiles.map((file) => file.path)];
  const workingDir = options.projectDirectory ? resolve(cwd, options.projectDirectory) : dirname(configFiles[0]!);
  const environment = await projectEnvironment(shell, cwd, workingDir, options.envFiles, files);

  const context: LoadContext = { environment, home: shell.HOME, warn, documents: new Map(), files, limits };
  const name = chooseProjectName({
    explicit: options.projectName || environment[COMPOSE_PROJECT_NAME] || undefined,
    fromFiles: await nameFromFiles(configFiles, context),
    projectDirectory: workingDir,
  });
  environment[COMPOSE_PROJECT_NAME] = name;

  const merged = await loadModel(configFiles, { workingDir, included: [] }, context);
  if (Object.keys(merged).length === 0) throw composeInvalidError('empty compose file', { file: configFiles[0] });
  const model = decodeModel(normalizeModel(merged, name, environment));

  const requestedProfiles = options.profiles?.length ? options.profiles : profilesFromEnvironment(environment);
  const profiles = activeProfilesFor(model.services, requestedProfiles, options.services ?? []);
  const { enabled, disabled } = splitByProfiles(model.services, profiles);
  model.services = enabled;
  try {
    checkConsistency(model, disabled);
    checkDependencyCycles(model.services);
  } catch (error) {
    throw withSourcePosition(error, context.documents);
  }
  for (const [serviceName, service] of Object.entries(model.services)) {
    await resolveServiceEnvFiles(service, environment, files);
    // Later passes add keys (environment from env_file, deploy.replicas from scale); keep Go's field order.
    model.services[serviceName] = orderLikeGo('Service', service);
  }
  // Compose drops unused resources for the enabled profiles, then narrows to the named services.
  withoutUnusedResources(model);
  if (options.services?.length) model.services = selectServices(model.services, options.services);

  const project: ComposeProject = {
    model,
    name,
    workingDir,
    configFiles,
    berthFiles: berthFiles.map((file): InMemoryComposeFile => ({ ...file })),
    environment,
    profiles,
    disabledServices: disabled,
    warnings,
  };
  return { project, files };
}

async function projectEnvironment(
  shell: Environment,
  cwd: string,
  directory: string,
  envFiles: readonly string[] | undefined,
  source: LoadFiles,
): Promise<Environment> {
  let files: string[];
  if (envFiles !== undefined && envFiles.length > 0) {
    files = envFiles.map((file) => resolve(cwd, file));
    for (const file of files) {
      if (!(await source.isFile(file)))
        throw composeFileError(`Couldn't find env file: ${file}`, { file }, undefined, 'command');
    }
  } else {
    const disabled = shell[COMPOSE_DISABLE_ENV_FILE];
    const dotenv = resolve(directory, DOTENV_FILE);
    files = isTruthy(disabled) || !(await source.isFile(dotenv)) ? [] : [dotenv];
  }
  return withFallback(shell, await readEnvFiles(files, shell, source));
}

async function nameFromFiles(files: readonly string[], context: LoadContext): Promise<string | undefined> {
  let name: string | undefined;
  for (const file of files) {
    for (const document of await parseFile(file, context)) {
      if (isPlainMap(document.data) && typeof document.data.name === 'string' && document.data.name !== '') {
        name = document.data.name;
      }
    }
  }
  if (name === undefined) return undefined;
  const lookup = (variable: string) =>
    Object.hasOwn(context.environment, variable) ? context.environment[variable] : undefined;
  try {
    return substitute(name, lookup);
  } catch (error) {
    throw composeInvalidError(`invalid interpolation format for name: ${(error as Error).message}`, { path: 'name' });
  }
}

/** `COMPOSE_PROFILES=gpu, cpu`: items are trimmed, as Compose does. */
function profilesFromEnvironment(environment: Environment): readonly string[] {
  const value = environment[COMPOSE_PROFILES];
  return value ? value.split(',').map((profile) => profile.trim()) : DEFAULT_PROFILES;
}

function definedOnly(env: Record<string, string | undefined>): Environment {
  const out = emptyMap<string>();
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value;
  return out;
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value);
}
