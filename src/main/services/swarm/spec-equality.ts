/**
 * Whether a service on the engine already runs the spec Berth would send, so a re-deploy updates only what changed.
 * The engine stores a spec with its own defaults filled in, network names turned into ids and secret ids added;
 * both sides are brought to one canonical form before they are compared.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ServiceSpec } from './swarm-spec';

/**
 * What the engine writes into a stored spec for a section that was sent without it: enum fields read back as their
 * zero value's name. (`docker service inspect` shows more defaults, but only because it asks with insertDefaults.)
 */
const ENUM_DEFAULTS = { FailureAction: 'pause', Order: 'stop-first' };
const STORED_DEFAULTS = {
  TaskTemplate: {
    ContainerSpec: { Isolation: 'default' },
    RestartPolicy: { Condition: 'any' },
    Runtime: 'container',
  },
  UpdateConfig: ENUM_DEFAULTS,
  RollbackConfig: ENUM_DEFAULTS,
  EndpointSpec: { Mode: 'vip' },
};

export interface SpecComparison {
  /** Network ids of the engine's spec, to the names Berth's spec uses. */
  networkNames: ReadonlyMap<string, string>;
  /** Fields the engine ignores at this API version (e.g. `StartInterval` before 1.44). */
  unsupportedHealthcheckFields?: readonly string[];
}

export function sameServiceSpec(desired: ServiceSpec, existing: ServiceSpec, comparison: SpecComparison): boolean {
  return isDeepStrictEqual(canonicalDesired(desired, comparison), canonicalExisting(existing, comparison));
}

/** The fields that differ, for progress messages and tests. */
export function changedFields(desired: ServiceSpec, existing: ServiceSpec, comparison: SpecComparison): string[] {
  const a = canonicalDesired(desired, comparison) as Record<string, unknown>;
  const b = canonicalExisting(existing, comparison) as Record<string, unknown>;
  return diffPaths(a, b, '');
}

function canonicalDesired(spec: ServiceSpec, comparison: SpecComparison): unknown {
  const copy = structuredClone(spec) as ServiceSpec;
  if (copy.Mode.Replicated && copy.Mode.Replicated.Replicas === undefined) copy.Mode.Replicated.Replicas = 1;
  const health = copy.TaskTemplate.ContainerSpec.Healthcheck as Record<string, unknown> | undefined;
  for (const field of comparison.unsupportedHealthcheckFields ?? []) if (health) delete health[field];
  return canonical(withDefaults(copy, STORED_DEFAULTS));
}

function canonicalExisting(spec: ServiceSpec, comparison: SpecComparison): unknown {
  const copy = structuredClone(spec) as ServiceSpec;
  const task = copy.TaskTemplate;
  delete task.ForceUpdate;
  task.Networks = (task.Networks ?? [])
    .map((network) => ({ ...network, Target: comparison.networkNames.get(network.Target) ?? network.Target }))
    .sort((a, b) => (a.Target < b.Target ? -1 : a.Target > b.Target ? 1 : 0));
  const container = task.ContainerSpec;
  container.Secrets = container.Secrets?.map(({ SecretID: _id, ...reference }) => reference);
  container.Configs = container.Configs?.map(({ ConfigID: _id, ...reference }) => reference);
  return canonical(copy);
}

/** `defaults` under `value`: objects merged key by key, anything in `value` wins. */
function withDefaults(value: unknown, defaults: unknown): unknown {
  if (value === undefined || value === null) return defaults;
  if (!isObject(value) || !isObject(defaults)) return value;
  const merged: Record<string, unknown> = { ...value };
  for (const [key, fallback] of Object.entries(defaults)) {
    // Defaults apply inside the sections the spec has; a section left out stays out.
    if (merged[key] !== undefined || !isObject(fallback)) merged[key] = withDefaults(merged[key], fallback);
  }
  return merged;
}

/** Empty values (undefined, null, "", false, 0, [], {}) dropped; object keys sorted. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = canonical(value[key]);
      if (item !== undefined) out[key] = item;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (value === null || value === '' || value === false || value === 0) return undefined;
  return value;
}

function diffPaths(a: unknown, b: unknown, path: string): string[] {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => diffPaths(a[key], b[key], path ? `${path}.${key}` : key));
  }
  return isDeepStrictEqual(a, b) ? [] : [path || '(spec)'];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
