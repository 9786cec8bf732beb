/**
 * Serialisations of the model that must match Compose byte for byte:
 * `config --format json` (indented, `$` re-escaped as `$$`) and Go's compact json.Marshal (for the config hash).
 * Go escapes `<`, `>`, `&`, U+2028 and U+2029 in strings; JSON.stringify does not, so we add it.
 */
const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function goJsonEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (char) => GO_ESCAPES[char]!);
}

/** Integers beyond 2^53 are BigInt in the model (Go keeps int64/uint64 exact): written as their digits. */
const rawJson = (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON;
const writeBigInts = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? rawJson(value.toString()) : value;

/** Go's json.Marshal of an already ordered value. */
export function goCompactJson(value: unknown): string {
  return goJsonEscape(JSON.stringify(value, writeBigInts));
}

/** Replaces `$` by `$$` in every key and string, as `docker compose config` does so its output can be reloaded. */
export function escapeDollars(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('$', '$$$$');
  if (Array.isArray(value)) return value.map(escapeDollars);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key.replaceAll('$', '$$$$'), escapeDollars(item)]),
    );
  }
  return value;
}

/** What `docker compose config --format json` prints for this model. */
export function toComposeConfigJson(model: unknown): string {
  return goJsonEscape(JSON.stringify(escapeDollars(model), writeBigInts, 2));
}
