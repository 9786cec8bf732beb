/** Helpers for the plain JSON-like data every pass works on (maps are objects, sequences arrays). */
export type PlainMap = Record<string, unknown>;

export function isPlainMap(value: unknown): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepClone<T>(value: T): T {
  return structuredClone(value);
}

/** Go's `%v` of a scalar, as used where Compose turns `KEY: value` maps into `KEY=value` strings. */
export function goFormatScalar(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** True when `path` (concrete keys) matches `pattern`, where `*` stands for any single key. */
export function pathMatches(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((part, index) => part === '*' || part === path[index]);
}
