import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BerthError } from '@shared/errors';

/** The docker CLI's configuration directory: `$DOCKER_CONFIG`, else `~/.docker`. */
export function dockerConfigDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  return env.DOCKER_CONFIG || join(homeDir, '.docker');
}

/** `currentContext` from `<config dir>/config.json`; undefined when the file or the field is absent. */
export function readCurrentContext(configDir: string): string | undefined {
  const configPath = join(configDir, 'config.json');
  const config = readJsonFile(configPath);
  if (config === undefined) return undefined;
  const current = (config as { currentContext?: unknown }).currentContext;
  if (current === undefined || current === '') return undefined;
  if (typeof current !== 'string') {
    throw new BerthError('E_ENGINE_UNREACHABLE', `${configPath}: "currentContext" is not a string.`, {
      fix: `Fix "currentContext" in ${configPath}, or run "docker context use default".`,
    });
  }
  return current;
}

/** Parses a JSON object file; undefined when it does not exist, a BerthError naming the file when it is broken. */
export function readJsonFile(path: string): object | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BerthError('E_ENGINE_UNREACHABLE', `Cannot read ${path}: ${(error as Error).message}`, {
      fix: `Check the permissions of ${path}.`,
      cause: error,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new BerthError('E_ENGINE_UNREACHABLE', `${path} is not valid JSON: ${(error as Error).message}`, {
      fix: `Fix or remove ${path}.`,
      cause: error,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BerthError('E_ENGINE_UNREACHABLE', `${path} does not hold a JSON object.`, {
      fix: `Fix or remove ${path}.`,
    });
  }
  return parsed;
}
