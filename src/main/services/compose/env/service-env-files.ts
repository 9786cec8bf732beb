/**
 * `env_file:` of each service: the files' variables (each file sees the ones before it, then the project
 * environment) under the service's own `environment:`, which wins. The list itself is then dropped, as
 * `docker compose config` does.
 */
import { composeFileError } from '../errors/compose-errors';
import { readTextFile, isFile } from '../load/file-access';
import type { ComposeService } from '../model/project';
import { parseEnvFile } from './env-files';

interface EnvFileEntry {
  path: string;
  required: boolean;
}

export function resolveServiceEnvFiles(service: ComposeService, projectEnvironment: Record<string, string>): void {
  const envFiles = (service.env_file ?? []) as EnvFileEntry[];
  delete service.env_file;
  const environment: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(service.environment ?? {})) {
    environment[key] = value === null && Object.hasOwn(projectEnvironment, key) ? projectEnvironment[key]! : value;
  }
  if (envFiles.length === 0) {
    if (service.environment !== undefined) service.environment = environment;
    return;
  }
  const fromFiles: Record<string, string> = {};
  for (const { path, required } of envFiles) {
    if (!isFile(path)) {
      if (!required) continue;
      throw composeFileError(`env file ${path} not found: stat ${path}: no such file or directory`, { file: path });
    }
    const lookup = (name: string) => (Object.hasOwn(fromFiles, name) ? fromFiles[name] : projectEnvironment[name]);
    Object.assign(fromFiles, parseEnvFile(readTextFile(path), path, lookup));
  }
  const merged: Record<string, string | null> = { ...fromFiles, ...environment };
  service.environment = Object.fromEntries(
    Object.keys(merged)
      .sort()
      .map((key) => [key, merged[key]!]),
  );
}
