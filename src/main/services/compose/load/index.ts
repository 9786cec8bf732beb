/**
 * Entry point of the Compose loader: files + environment → ComposeProject, as `docker compose config` does.
 * Every failure is a BerthError (E_COMPOSE_FILE or E_COMPOSE_INVALID); nothing else escapes.
 */
import { dirname, resolve } from 'node:path';
import { BerthError } from '@shared/errors';
import { readEnvFiles, withFallback, type Environment } from '../env/env-files';
import { resolveServiceEnvFiles } from '../env/service-env-files';
import { composeFileError, composeInvalidError } from '../errors/compose-errors';
import { substitute } from '../interpolation/template';
import { type ComposeModel, type ComposeProject, type ComposeService } from '../model/project';
import { checkConsistency } from '../normalize/check-consistency';
import { orderLikeGo } from '../model/go-order';
import { decodeStruct } from '../normalize/decode';
import { normalizeModel } from '../normalize/normalize-model';
import { activeProfilesFor, DEFAULT_PROFILES, splitByProfiles } from '../profiles/profiles';
import { selectServices } from '../profiles/select-services';
import { withoutUnusedResources } from '../profiles/unused-resources';
import { isPlainMap, type PlainMap } from '../util/plain-data';
import { COMPOSE_DISABLE_ENV_FILE, COMPOSE_PROFILES, COMPOSE_PROJECT_NAME, DOTENV_FILE } from './compose-env-vars';
import { findConfigFiles, initialProjectDirectory } from './config-files';
import { isFile } from './file-access';
import type { LoadContext } from './load-context';
import { loadModel, parseFile } from './load-model';
import { withSourcePosition } from './locate-error';
import type { LoadOptions } from './options';
import { chooseProjectName } from './project-name';

export type { LoadOptions } from './options';
export type { ComposeModel, ComposeProject, ComposeService } from '../model/project';

const RESOURCE_LAYOUTS: Record<string, string> = {
  networks: 'Network',
  volumes: 'TopVolume',
  secrets: 'FileObject',
  configs: 'FileObject',
};

export async function loadProject(options: LoadOptions): Promise<ComposeProject> {
  try {
    return loadProjectSync(options);
  } catch (error) {
    if (error instanceof BerthError) throw error;
    throw composeInvalidError(`failed to load the Compose project: ${(error as Error).message}`, {}, error);
  }
}

export function loadProjectSync(options: LoadOptions): ComposeProject {
  const shell = definedOnly(options.env);
  const cwd = options.workingDir;
  const requestedFiles = options.files ?? [];
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    options.onWarning?.(message);
  };

  const firstDirectory = initialProjectDirectory(cwd, requestedFiles, options.projectDirectory);
  const firstEnvironment = projectEnvironment(shell, cwd, firstDirectory, options.envFiles);
  const configFiles = findConfigFiles(cwd, firstDirectory, requestedFiles, firstEnvironment);
  const workingDir = options.projectDirectory ? resolve(cwd, options.projectDirectory) : dirname(configFiles[0]!);
  const environment = projectEnvironment(shell, cwd, workingDir, options.envFiles);

  const context: LoadContext = { environment, home: shell.HOME, warn, documents: new Map() };
  const name = chooseProjectName({
    explicit: options.projectName || environment[COMPOSE_PROJECT_NAME] || undefined,
    fromFiles: nameFromFiles(configFiles, context),
    projectDirectory: workingDir,
  });
  environment[COMPOSE_PROJECT_NAME] = name;

  const merged = loadModel(configFiles, { workingDir, included: [] }, context);
  if (Object.keys(merged).length === 0) throw composeInvalidError('empty compose file', { file: configFiles[0] });
  const model = toModel(normalizeModel(merged, name, environment));

  const requestedProfiles = options.profiles?.length ? options.profiles : profilesFromEnvironment(environment);
  const profiles = activeProfilesFor(model.services, requestedProfiles, options.services ?? []);
  const { enabled, disabled } = splitByProfiles(model.services, profiles);
  model.services = enabled;
  try {
    checkConsistency(model, disabled);
  } catch (error) {
    throw withSourcePosition(error, context.documents);
  }
  for (const [serviceName, service] of Object.entries(model.services)) {
    resolveServiceEnvFiles(service, environment);
    // Later passes add keys (environment from env_file, deploy.replicas from scale); keep Go's field order.
    model.services[serviceName] = orderLikeGo('Service', service) as ComposeService;
  }
  // Compose drops unused resources for the enabled profiles, then narrows to the named services.
  withoutUnusedResources(model);
  if (options.services?.length) model.services = selectServices(model.services, options.services);

  return { model, name, workingDir, configFiles, environment, profiles, disabledServices: disabled, warnings };
}

function projectEnvironment(
  shell: Environment,
  cwd: string,
  directory: string,
  envFiles: readonly string[] | undefined,
): Environment {
  let files: string[];
  if (envFiles !== undefined && envFiles.length > 0) {
    files = envFiles.map((file) => resolve(cwd, file));
    for (const file of files) {
      if (!isFile(file)) throw composeFileError(`Couldn't find env file: ${file}`, { file });
    }
  } else {
    const disabled = shell[COMPOSE_DISABLE_ENV_FILE];
    const dotenv = resolve(directory, DOTENV_FILE);
    files = isTruthy(disabled) || !isFile(dotenv) ? [] : [dotenv];
  }
  return withFallback(shell, readEnvFiles(files, shell));
}

function nameFromFiles(files: readonly string[], context: LoadContext): string | undefined {
  let name: string | undefined;
  for (const file of files) {
    for (const document of parseFile(file, context)) {
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

function toModel(merged: PlainMap): ComposeModel {
  const model: PlainMap = { name: merged.name, services: {} };
  const services = isPlainMap(merged.services) ? merged.services : {};
  const decodedServices: Record<string, ComposeService> = {};
  for (const key of Object.keys(services).sort()) {
    decodedServices[key] = decodeStruct('Service', services[key], `services.${key}`) as ComposeService;
  }
  model.services = decodedServices;
  for (const [section, layout] of Object.entries(RESOURCE_LAYOUTS)) {
    const resources = merged[section];
    if (!isPlainMap(resources) || Object.keys(resources).length === 0) continue;
    const decoded: PlainMap = {};
    for (const key of Object.keys(resources).sort())
      decoded[key] = decodeStruct(layout, resources[key], `${section}.${key}`);
    model[section] = decoded;
  }
  for (const [key, value] of Object.entries(merged)) if (key.startsWith('x-')) model[key] = value;
  return model as unknown as ComposeModel;
}

function profilesFromEnvironment(environment: Environment): readonly string[] {
  const value = environment[COMPOSE_PROFILES];
  return value ? value.split(',') : DEFAULT_PROFILES;
}

function definedOnly(env: Record<string, string | undefined>): Environment {
  const out: Environment = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value;
  return out;
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value);
}
