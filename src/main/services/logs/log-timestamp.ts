import { BerthError } from '@shared/errors';

const FIXED_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;
const ANY_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `2024-01-02T03:04:05.000000001Z`: the engine prints this fixed width in UTC (RFC3339NanoFixed); other forms are
 * rewritten to it so timestamps compare as strings. Returns null when `raw` isn't a timestamp.
 */
export function normalizeTimestamp(raw: string): string | null {
  if (FIXED_TIMESTAMP.test(raw)) return raw;
  const match = ANY_TIMESTAMP.exec(raw);
  if (!match) return null;
  const seconds = Date.parse(`${match[1]}${match[3]}`);
  if (Number.isNaN(seconds)) return null;
  const whole = new Date(seconds).toISOString().slice(0, 19);
  return `${whole}.${(match[2] ?? '').padEnd(9, '0')}Z`;
}

/** `since`/`until` for the engine API ("seconds.nanoseconds") from a normalized timestamp. */
export function toUnixTimestamp(normalized: string): string {
  const seconds = Math.floor(Date.parse(`${normalized.slice(0, 19)}Z`) / 1000);
  return `${seconds}.${normalized.slice(20, 29)}`;
}

const DURATION_PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/**
 * The user's `--since`/`--until` in any of the docker CLI's forms (a duration back from now like `10m` or `1h30m`,
 * RFC 3339, a date, or a UNIX timestamp) as the engine API's UNIX timestamp.
 */
export function parseTimeArgument(value: string, now: number = Date.now()): string {
  const text = value.trim();
  if (/^\d+(\.\d{1,9})?$/.test(text)) return text;
  if (DURATION.test(text)) {
    let ms = 0;
    for (const [, amount, unit] of text.matchAll(DURATION_PART)) ms += Number(amount) * UNIT_MS[unit!]!;
    return ((now - ms) / 1000).toFixed(9);
  }
  const withZone = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const normalized = normalizeTimestamp(withZone) ?? normalizeTimestamp(`${withZone}Z`);
  if (normalized) return toUnixTimestamp(normalized);
  throw new BerthError('E_INVALID_INPUT', `"${value}" is not a time Berth understands.`, {
    fix: 'Use a duration back from now (10m, 1h30m), an RFC 3339 time (2024-05-01T10:00:00Z), a date or a UNIX timestamp.',
  });
}
