/**
 * Project-level normalisation once all files are merged (compose-go loader.Normalize):
 * the implicit `default` network, `<project>_<key>` resource names, build defaults, bare environment keys
 * resolved from the project environment, and the implicit dependencies that links, `service:` namespaces
 * and volumes_from create.
 */
import { posix } from 'node:path';
import { emptyMap, isPlainMap, type PlainMap } from '../util/plain-data';

export const DEFAULT_NETWORK = 'default';
const SERVICE_PREFIX = 'service:';
const CONTAINER_PREFIX = 'container:';
const SHARED_NAMESPACES = ['network_mode', 'ipc', 'pid', 'uts', 'cgroup'];
const RESOURCE_SECTIONS = ['networks', 'volumes', 'configs', 'secrets'];
const PULL_POLICY_ALIASES: Record<string, string> = { if_not_present: 'missing' };

type Lookup = (name: string) => string | undefined;

export function normalizeModel(model: PlainMap, projectName: string, environment: Record<string, string>): PlainMap {
  const lookup: Lookup = (name) => (Object.hasOwn(environment, name) ? environment[name] : undefined);
  model.name = projectName;
  addDefaultNetwork(model);
  const services = isPlainMap(model.services) ? model.services : {};
  for (const service of Object.values(services)) if (isPlainMap(service)) normalizeService(service, lookup);
  nameResources(model, projectName);
  return model;
}

function normalizeService(service: PlainMap, lookup: Lookup): void {
  const pullPolicy = service.pull_policy;
  if (typeof pullPolicy === 'string' && Object.hasOwn(PULL_POLICY_ALIASES, pullPolicy))
    service.pull_policy = PULL_POLICY_ALIASES[pullPolicy];

  if (isPlainMap(service.build)) {
    const build = service.build;
    build.context ??= '.';
    if (build.dockerfile == null && build.dockerfile_inline == null) build.dockerfile = 'Dockerfile';
    if ('args' in build) build.args = resolveBareKeys(build.args, lookup, false);
  }
  if ('environment' in service) service.environment = resolveBareKeys(service.environment, lookup, true);

  const dependsOn: PlainMap = isPlainMap(service.depends_on) ? service.depends_on : emptyMap();
  const implicitDependency = (name: string, restart: boolean) => {
    if (!Object.hasOwn(dependsOn, name)) dependsOn[name] = { condition: 'service_started', restart, required: true };
  };
  if (Array.isArray(service.links)) {
    for (const link of service.links.map(String)) {
      const parts = link.split(':');
      implicitDependency(parts.length === 2 ? parts[0]! : link, true);
    }
  }
  for (const namespace of SHARED_NAMESPACES) {
    const reference = service[namespace];
    if (typeof reference === 'string' && reference.startsWith(SERVICE_PREFIX)) {
      implicitDependency(reference.slice(SERVICE_PREFIX.length), true);
    }
  }
  if (Array.isArray(service.volumes)) {
    for (const volume of service.volumes) {
      if (isPlainMap(volume) && typeof volume.target === 'string') volume.target = cleanPath(volume.target);
    }
  }
  if (Array.isArray(service.volumes_from)) {
    for (const source of service.volumes_from.map(String)) {
      if (!source.startsWith(CONTAINER_PREFIX)) implicitDependency(source.split(':')[0]!, false);
    }
  }
  if (Object.keys(dependsOn).length > 0) service.depends_on = dependsOn;
}

function addDefaultNetwork(model: PlainMap): void {
  const networks: PlainMap = isPlainMap(model.networks) ? model.networks : emptyMap();
  let usesDefault = false;
  const services = isPlainMap(model.services) ? model.services : {};
  for (const service of Object.values(services)) {
    if (!isPlainMap(service) || 'network_mode' in service) continue;
    const serviceNetworks = service.networks;
    if (!isPlainMap(serviceNetworks) || Object.keys(serviceNetworks).length === 0) {
      service.networks = Object.assign(emptyMap(), { [DEFAULT_NETWORK]: null });
      usesDefault = true;
    } else if (Object.hasOwn(serviceNetworks, DEFAULT_NETWORK)) {
      usesDefault = true;
    }
  }
  if (usesDefault && !Object.hasOwn(networks, DEFAULT_NETWORK)) networks[DEFAULT_NETWORK] = emptyMap();
  if (Object.keys(networks).length > 0) model.networks = networks;
}

function nameResources(model: PlainMap, projectName: string): void {
  for (const section of RESOURCE_SECTIONS) {
    const resources = model[section];
    if (!isPlainMap(resources)) continue;
    for (const [key, value] of Object.entries(resources)) {
      const resource: PlainMap = isPlainMap(value) ? value : emptyMap();
      if (resource.name == null) resource.name = isTrue(resource.external) ? key : `${projectName}_${key}`;
      resources[key] = resource;
    }
  }
}

/** Bare keys (`- KEY` / `KEY:` with no value) take their value from the project environment when it has one. */
export function resolveBareKeys(value: unknown, lookup: Lookup, keepUnresolved: boolean): unknown {
  if (Array.isArray(value)) {
    const resolved: unknown[] = [];
    for (const entry of value) {
      if (typeof entry !== 'string' || entry.includes('=')) {
        resolved.push(entry);
        continue;
      }
      const found = lookup(entry);
      if (found !== undefined) resolved.push(`${entry}=${found}`);
      else if (keepUnresolved) resolved.push(entry);
    }
    return resolved;
  }
  if (isPlainMap(value)) {
    const resolved = emptyMap();
    for (const [key, item] of Object.entries(value)) {
      if (item !== null && item !== undefined) {
        resolved[key] = item;
        continue;
      }
      const found = lookup(key);
      if (found !== undefined) resolved[key] = found;
      else if (keepUnresolved) resolved[key] = null;
    }
    return resolved;
  }
  return value;
}

function isTrue(value: unknown): boolean {
  return value === true || ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(String(value));
}

function cleanPath(target: string): string {
  if (target === '') return '.';
  const normalized = posix.normalize(target);
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}
