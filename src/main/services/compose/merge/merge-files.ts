/**
 * Merges a later Compose file into what earlier files built, by the spec's rules (compose-go override.Merge):
 * maps merge key by key, sequences append, scalars are replaced; the special cases are listed in MERGE_RULES.
 * `x-` keys are always replaced. Works on the raw (pre-canonical) data, so it accepts short and long syntax.
 */
import { composeInvalidError } from '../errors/compose-errors';
import { goSprint } from '../util/go-scalars';
import { emptyMap, isPlainMap, pathMatches, type PlainMap } from '../util/plain-data';

type Merger = (base: unknown, override: unknown, path: string[]) => unknown;

const DEFAULT_DEPENDENCY = { condition: 'service_started', required: true };

const replace: Merger = (_base, override) => override;
const asSequences: Merger = (base, override) => [...toSequence(base), ...toSequence(override)];
const extraHosts: Merger = (base, override) => {
  const baseList = toSequence(base);
  return [...baseList, ...toSequence(override).filter((entry) => !baseList.includes(entry))];
};
const logging: Merger = (base, override, path) => {
  const baseMap = base as PlainMap;
  const overrideMap = override as PlainMap;
  const sameDriver = overrideMap.driver === baseMap.driver || !('driver' in overrideMap) || !('driver' in baseMap);
  return sameDriver ? mergeMaps(baseMap, overrideMap, path) : overrideMap;
};
const build: Merger = (base, override, path) => mergeMaps(toBuildMap(base), toBuildMap(override), path);
const dependsOn: Merger = (base, override, path) =>
  mergeMaps(toMapping(base, DEFAULT_DEPENDENCY), toMapping(override, DEFAULT_DEPENDENCY), path);
const networks: Merger = (base, override, path) => mergeMaps(toMapping(base), toMapping(override), path);
const ulimit: Merger = (_base, override) => override;

const MERGE_RULES: [string, Merger][] = [
  ['networks.*.labels', asSequences],
  ['volumes.*.labels', asSequences],
  ['services.*.annotations', asSequences],
  ['services.*.build', build],
  ['services.*.build.args', asSequences],
  ['services.*.build.additional_contexts', asSequences],
  ['services.*.build.extra_hosts', extraHosts],
  ['services.*.build.labels', asSequences],
  ['services.*.command', replace],
  ['services.*.depends_on', dependsOn],
  ['services.*.deploy.labels', asSequences],
  ['services.*.dns', asSequences],
  ['services.*.dns_opt', asSequences],
  ['services.*.dns_search', asSequences],
  ['services.*.entrypoint', replace],
  ['services.*.env_file', asSequences],
  ['services.*.label_file', asSequences],
  ['services.*.environment', asSequences],
  ['services.*.extra_hosts', extraHosts],
  ['services.*.healthcheck.test', replace],
  ['services.*.labels', asSequences],
  ['services.*.logging', logging],
  ['services.*.networks', networks],
  ['services.*.sysctls', asSequences],
  ['services.*.tmpfs', asSequences],
  ['services.*.ulimits.*', ulimit],
].map(([pattern, merger]) => [pattern as string, merger as Merger]);

const PARSED_RULES = MERGE_RULES.map(([pattern, merger]) => ({ pattern: pattern.split('.'), merger }));

/** Merges `override` into `base` (both top-level Compose maps); `base` is modified and returned. */
export function mergeComposeMaps(base: PlainMap, override: PlainMap): PlainMap {
  return mergeMaps(base, override, []);
}

function mergeValues(base: unknown, override: unknown, path: string[]): unknown {
  const rule = PARSED_RULES.find(({ pattern }) => pathMatches(pattern, path));
  if (rule !== undefined) return rule.merger(base, override, path);
  if (override === null || override === undefined) return base;
  if (isPlainMap(base)) {
    if (!isPlainMap(override)) throw cannotOverride(path);
    return mergeMaps(base, override, path);
  }
  if (Array.isArray(base)) {
    if (!Array.isArray(override)) throw cannotOverride(path);
    return [...base, ...override];
  }
  return override;
}

function mergeMaps(base: PlainMap, override: PlainMap, path: string[]): PlainMap {
  for (const [key, value] of Object.entries(override)) {
    if (!Object.hasOwn(base, key) || key.startsWith('x-')) {
      base[key] = value;
      continue;
    }
    base[key] = mergeValues(base[key], value, [...path, key]);
  }
  return base;
}

function cannotOverride(path: string[]) {
  return composeInvalidError(`cannot override ${path.join('.')}`, { path: path.join('.') });
}

/** `{K: v}` → sorted `["K=v"]` (a null value gives the bare key); sequences stay; a string becomes one item. */
function toSequence(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [value];
  if (!isPlainMap(value)) return [];
  const sequence: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined) sequence.push(key);
    else if (Array.isArray(item)) for (const element of item) sequence.push(`${key}=${goSprint(element)}`);
    else sequence.push(`${key}=${goSprint(item)}`);
  }
  return sequence.sort();
}

function toMapping(value: unknown, defaults?: PlainMap): PlainMap {
  if (isPlainMap(value)) return value;
  const out = emptyMap();
  if (Array.isArray(value)) for (const key of value) out[String(key)] = defaults === undefined ? null : { ...defaults };
  return out;
}

function toBuildMap(value: unknown): PlainMap {
  if (typeof value === 'string') return { context: value };
  return isPlainMap(value) ? value : emptyMap();
}

/** Merges a service over the service it extends, with the same per-field rules as file merging. */
export function mergeServiceDefinitions(base: PlainMap, override: PlainMap): PlainMap {
  return mergeMaps(base, override, ['services', 'x']);
}
