/**
 * `extends:` — a service starts from another service (same file, or `file:` relative to the extending file)
 * and its own keys merge over it with the usual merge rules. Chains are followed; cycles are errors.
 */
import { dirname, resolve } from 'node:path';
import { composeInvalidError } from '../errors/compose-errors';
import { mergeServiceDefinitions } from '../merge/merge-files';
import { clearOverriddenPaths } from '../util/reset-paths';
import { deepClone, isPlainMap, type KeyPath, type PlainMap } from '../util/plain-data';

/** Loads another file's services (interpolated, canonical, paths made absolute) for `extends.file`. */
export type ExtendsFileLoader = (file: string) => Promise<PlainMap>;

interface ServiceRef {
  file: string;
  service: string;
}

/**
 * `clearPaths` are the document's `!reset`/`!override` paths: they also clear what the base service brings,
 * so `ports: !override [...]` in an extending service replaces the base's ports instead of adding to them.
 */
export async function applyExtends(
  model: PlainMap,
  file: string,
  loadServices: ExtendsFileLoader,
  clearPaths: readonly KeyPath[] = [],
): Promise<void> {
  const services = model.services;
  if (services === undefined || services === null) return;
  if (!isPlainMap(services)) throw composeInvalidError('services must be a mapping', { file, path: 'services' });
  const context: ExtendsContext = { loadServices, clearPaths };
  for (const name of Object.keys(services)) {
    services[name] = await resolveService(name, services, file, [], context);
  }
}

interface ExtendsContext {
  loadServices: ExtendsFileLoader;
  clearPaths: readonly KeyPath[];
}

async function resolveService(
  name: string,
  services: PlainMap,
  file: string,
  chain: ServiceRef[],
  context: ExtendsContext,
): Promise<unknown> {
  const service = services[name];
  if (service === null || service === undefined) return service;
  if (!isPlainMap(service))
    throw composeInvalidError(`services.${name} must be a mapping`, { file, path: `services.${name}` });
  const extendsValue = service.extends;
  if (extendsValue === undefined) return service;

  const { ref, refFile } = readExtends(extendsValue, name, file);
  let baseServices = services;
  let baseFile = file;
  if (refFile !== undefined) {
    baseFile = resolve(dirname(file), refFile);
    baseServices = await context.loadServices(baseFile);
    if (!Object.hasOwn(baseServices, ref)) {
      throw composeInvalidError(
        `cannot extend service ${JSON.stringify(name)} in ${file}: service ${JSON.stringify(ref)} not found in ${refFile}`,
        { file, path: `services.${name}.extends` },
      );
    }
  } else if (!Object.hasOwn(services, ref)) {
    throw composeInvalidError(
      `cannot extend service ${JSON.stringify(name)} in ${file}: service ${JSON.stringify(ref)} not found`,
      { file, path: `services.${name}.extends` },
    );
  }

  const current = { file: baseFile, service: name };
  if (chain.some((link) => link.file === current.file && link.service === current.service)) {
    const [first, ...rest] = [...chain, current];
    const lines = [
      `  ${first!.service} in ${first!.file}`,
      ...rest.map((link) => `  extends ${link.service} in ${link.file}`),
    ];
    throw composeInvalidError(`Circular reference:\n${lines.join('\n')}`, { file, path: `services.${name}.extends` });
  }
  const base = await resolveService(ref, baseServices, baseFile, [...chain, current], context);
  if (base === null || base === undefined) return service;
  const source = deepClone(base as PlainMap);
  clearOverriddenPaths({ services: { [name]: source } }, context.clearPaths);
  const merged = mergeServiceDefinitions(source, service);
  delete merged.extends;
  services[name] = merged;
  return merged;
}

function readExtends(value: unknown, name: string, file: string): { ref: string; refFile?: string } {
  if (typeof value === 'string') return { ref: value };
  if (isPlainMap(value) && typeof value.service === 'string') {
    return { ref: value.service, refFile: typeof value.file === 'string' ? value.file : undefined };
  }
  throw composeInvalidError(`services.${name}.extends must name a service`, { file, path: `services.${name}.extends` });
}
