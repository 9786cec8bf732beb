/**
 * `env_file:` of each service: the files' variables (each file sees the ones before it, then the project
 * environment) under the service's own `environment:`, which wins. The list itself is then dropped, as
 * `docker compose config` does.
 */
import { composeNotFoundError } from '../errors/compose-errors';
import type { ComposeService } from '../model/service';
import type { LoadFiles } from '../util/load-files';
import { emptyMap } from '../util/plain-data';
import { parseEnvFile } from './env-files';

export async function resolveServiceEnvFiles(
  service: ComposeService,
  projectEnvironment: Record<string, string>,
  source: LoadFiles,
): Promise<void> {
  const envFiles = service.env_file ?? [];
  delete service.env_file;
  const environment = emptyMap<string | null>();
  for (const [key, value] of Object.entries(service.environment ?? {})) {
    environment[key] = value === null && Object.hasOwn(projectEnvironment, key) ? projectEnvironment[key]! : value;
  }
  if (envFiles.length === 0) {
    if (service.environment !== undefined) service.environment = environment;
    return;
  }
  const fromFiles = emptyMap<string>();
  for (const { path, required } of envFiles) {
    if (!(await source.isFile(path))) {
      if (!required) continue;
      throw composeNotFoundError(`env file ${path} not found: stat ${path}: no such file or directory`, { file: path });
    }
    const lookup = (name: string) => (Object.hasOwn(fromFiles, name) ? fromFiles[name] : projectEnvironment[name]);
    Object.assign(fromFiles, parseEnvFile(await source.readText(path), path, lookup));
  }
  const merged = Object.assign(emptyMap<string | null>(), fromFiles, environment);
  const sorted = emptyMap<string | null>();
  for (const key of Object.keys(merged).sort()) sorted[key] = merged[key]!;
  // An env_file that adds nothing leaves no `environment` key behind, as in Compose.
  if (Object.keys(sorted).length > 0) service.environment = sorted;
  else delete service.environment;
}
