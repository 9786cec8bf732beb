/** Helpers for the plain JSON-like data every pass works on (maps are objects, sequences arrays). */
export type PlainMap = Record<string, unknown>;

/** A concrete path into the data: map keys, list indexes. */
export type KeyPath = (string | number)[];

/** A map of the data: an object without prototype, or a literal one (arrays and scalar classes are not maps). */
export function isPlainMap(value: unknown): value is PlainMap {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === null || prototype === Object.prototype;
}

/**
 * A map for keys taken from the user's files: without a prototype, `__proto__`, `constructor` or `toString` are
 * ordinary keys (an assignment cannot reach Object.prototype, a lookup cannot find an inherited function).
 */
export function emptyMap<T = unknown>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A copy of plain data (maps without prototype); scalar objects (GoFloat, GoTime) are immutable and shared. */
export function deepClone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepClone) as T;
  if (!isPlainMap(value)) return value;
  const copy = emptyMap();
  for (const key of Object.keys(value)) copy[key] = deepClone(value[key]);
  return copy as T;
}

/** Equal data: same scalars (GoFloat/GoTime by value), same keys, same order in lists; prototypes ignored. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameData(item, b[i]));
  }
  if (isPlainMap(a) || isPlainMap(b)) {
    if (!isPlainMap(a) || !isPlainMap(b)) return false;
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameData(a[key], b[key]))
    );
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    return a.constructor === b.constructor && JSON.stringify(a) === JSON.stringify(b);
  }
  return Object.is(a, b);
}

/** True when `path` (concrete keys) matches `pattern`, where `*` stands for any single key. */
export function pathMatches(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((part, index) => part === '*' || part === path[index]);
}
