/**
 * Reads `.env` / `--env-file` files into the variables the project is interpolated with.
 * Each file sees the shell environment and the files before it; the shell environment always wins.
 */
import { composeFileError, composeInvalidError } from '../errors/compose-errors';
import { InvalidTemplateError, MissingRequiredVariableError } from '../interpolation/template';
import type { LoadFiles } from '../util/load-files';
import { emptyMap } from '../util/plain-data';
import { DotenvSyntaxError, parseDotenv } from './dotenv';

export type Environment = Record<string, string>;

/** Variables from `files` (later files override earlier ones), resolved against `shell` first. */
export async function readEnvFiles(
  files: readonly string[],
  shell: Environment,
  source: LoadFiles,
): Promise<Environment> {
  const fromFiles: Environment = emptyMap();
  for (const file of files) {
    const content = await source.readText(file, (reason) => `Failed to load ${file}: ${reason}`);
    const lookup = (name: string) => (Object.hasOwn(shell, name) ? shell[name] : fromFiles[name]);
    Object.assign(fromFiles, parseEnvFile(content, file, lookup));
  }
  return fromFiles;
}

export function parseEnvFile(content: string, file: string, lookup: (name: string) => string | undefined): Environment {
  try {
    return parseDotenv(content, lookup);
  } catch (error) {
    if (error instanceof DotenvSyntaxError) {
      throw composeFileError(`failed to read ${file}: ${error.message}`, { file, line: error.line }, error);
    }
    if (error instanceof InvalidTemplateError || error instanceof MissingRequiredVariableError) {
      throw composeInvalidError(`failed to read ${file}: ${error.message}`, { file }, error);
    }
    throw error;
  }
}

/** `base` with the keys of `extra` it does not already have (the shell wins over files). */
export function withFallback(base: Environment, extra: Environment): Environment {
  return Object.assign(emptyMap<string>(), extra, base);
}
