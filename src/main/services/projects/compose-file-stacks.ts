/**
 * A project's stacks as files: each compose file of a `-f` set, and each file joined with `include:`, holds the
 * services it declares. Read from the files themselves, because the loaded model no longer says where a service
 * came from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseComposeYaml } from '../compose/yaml/parse-yaml';

export interface FileServices {
  /** Absolute path of the compose file. */
  file: string;
  services: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `include:` entries as absolute paths: a string, or `{ path: string | string[] }`. */
function includedFiles(data: Record<string, unknown>, directory: string): string[] {
  const entries = Array.isArray(data.include) ? data.include : [];
  return entries.flatMap((entry: unknown) => {
    const paths = typeof entry === 'string' ? [entry] : isRecord(entry) ? [entry.path].flat() : [];
    // A path still holding ${VAR} can't be read without the loader's interpolation; the loader reports it anyway.
    return paths
      .filter((p): p is string => typeof p === 'string' && !p.includes('$'))
      .map((p) => path.resolve(directory, p));
  });
}

function readDeclarations(file: string): { services: string[]; includes: string[] } {
  let data: unknown;
  try {
    data = parseComposeYaml(readFileSync(file, 'utf8'), file)[0]?.data;
  } catch {
    return { services: [], includes: [] };
  }
  if (!isRecord(data)) return { services: [], includes: [] };
  return {
    services: isRecord(data.services) ? Object.keys(data.services) : [],
    includes: includedFiles(data, path.dirname(file)),
  };
}

/** Every file the project is made of, in load order, with the services each declares first. */
export function servicesByFile(configFiles: readonly string[]): FileServices[] {
  const result: FileServices[] = [];
  const claimed = new Set<string>();
  const visited = new Set<string>();
  const visit = (file: string) => {
    if (visited.has(file)) return;
    visited.add(file);
    const { services, includes } = readDeclarations(file);
    const own = services.filter((service) => !claimed.has(service));
    own.forEach((service) => claimed.add(service));
    result.push({ file, services: own });
    includes.forEach(visit);
  };
  configFiles.forEach(visit);
  return result;
}

const DEFAULT_NAMES = /^(docker-)?compose(\.override)?\.ya?ml$/;

/** `docker/compose.monitoring.yml` → "monitoring"; `mlflow/compose.yaml` → "mlflow"; `compose.yaml` → "main". */
export function stackLabel(file: string, projectDir: string): string {
  const base = path.basename(file);
  if (!DEFAULT_NAMES.test(base)) {
    return base.replace(/\.ya?ml$/, '').replace(/^(docker-)?compose[.-]/, '') || base;
  }
  const parent = path.relative(projectDir, path.dirname(file));
  return parent && !parent.startsWith('..') ? path.basename(parent) : 'main';
}
