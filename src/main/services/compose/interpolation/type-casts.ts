/**
 * Fields that the spec types as numbers or booleans but that may be written as strings
 * (typically `"${RETRIES:-3}"`): after substitution the string is converted (compose-go v2.4.8 list).
 * `*` matches any key, `[]` any list item.
 */
import { pathMatches } from '../util/plain-data';

export type Cast = (value: string) => unknown;

export class CastError extends Error {}

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?:inf|infinity|nan)$/i;

export const toInteger: Cast = (value) => {
  if (!INTEGER.test(value)) throw new CastError(`strconv.Atoi: parsing ${JSON.stringify(value)}: invalid syntax`);
  return Number.parseInt(value, 10);
};

export const toFloat: Cast = (value) => {
  if (!FLOAT.test(value)) throw new CastError(`strconv.ParseFloat: parsing ${JSON.stringify(value)}: invalid syntax`);
  return Number.parseFloat(value);
};

const TRUE_WORDS = new Set(['true', 'y', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', 'n', 'no', 'off']);

export const toBoolean: Cast = (value) => {
  const lower = value.toLowerCase();
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  throw new CastError(`invalid boolean: ${value}`);
};

const SERVICE_CASTS: [string, Cast][] = [
  ['configs.[].mode', toInteger],
  ['cpu_count', toInteger],
  ['cpu_percent', toFloat],
  ['cpu_period', toInteger],
  ['cpu_quota', toInteger],
  ['cpu_rt_period', toInteger],
  ['cpu_rt_runtime', toInteger],
  ['cpus', toFloat],
  ['cpu_shares', toInteger],
  ['init', toBoolean],
  ['deploy.replicas', toInteger],
  ['deploy.update_config.parallelism', toInteger],
  ['deploy.update_config.max_failure_ratio', toFloat],
  ['deploy.rollback_config.parallelism', toInteger],
  ['deploy.rollback_config.max_failure_ratio', toFloat],
  ['deploy.restart_policy.max_attempts', toInteger],
  ['deploy.placement.max_replicas_per_node', toInteger],
  ['healthcheck.retries', toInteger],
  ['healthcheck.disable', toBoolean],
  ['oom_kill_disable', toBoolean],
  ['oom_score_adj', toInteger],
  ['pids_limit', toInteger],
  ['ports.[].target', toInteger],
  ['privileged', toBoolean],
  ['read_only', toBoolean],
  ['scale', toInteger],
  ['secrets.[].mode', toInteger],
  ['stdin_open', toBoolean],
  ['tty', toBoolean],
  ['ulimits.*', toInteger],
  ['ulimits.*.hard', toInteger],
  ['ulimits.*.soft', toInteger],
  ['volumes.[].read_only', toBoolean],
  ['volumes.[].volume.nocopy', toBoolean],
];

const RESOURCE_CASTS: [string, Cast][] = [
  ['networks.*.external', toBoolean],
  ['networks.*.internal', toBoolean],
  ['networks.*.attachable', toBoolean],
  ['networks.*.enable_ipv4', toBoolean],
  ['networks.*.enable_ipv6', toBoolean],
  ['volumes.*.external', toBoolean],
  ['secrets.*.external', toBoolean],
  ['configs.*.external', toBoolean],
];

interface CastRule {
  pattern: string[];
  cast: Cast;
}

const CAST_RULES: CastRule[] = [
  ...SERVICE_CASTS.map(([path, cast]) => ({ pattern: ['services', '*', ...path.split('.')], cast })),
  ...RESOURCE_CASTS.map(([path, cast]) => ({ pattern: path.split('.'), cast })),
];

export function castFor(path: readonly string[]): Cast | undefined {
  return CAST_RULES.find((rule) => pathMatches(rule.pattern, path))?.cast;
}
