/**
 * YAML scalars as Compose sees them: Go's yaml.v3 decides what a plain scalar is (int, float, bool, null,
 * timestamp or string), and Compose turns non-strings into text with Go's fmt (`%v`) wherever a string is
 * expected (environment, labels, build args…). JavaScript numbers cannot say "this was a float" or hold 2^63,
 * so such values stay typed here: big integers as BigInt, floats as GoFloat, timestamps as GoTime.
 */

/** A YAML float (float64): keeps "float" apart from an integer of the same value (`1e6` prints `1e+06`). */
export class GoFloat {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
  /** Go's encoding/json formats float64 like JavaScript does (exponent below 1e-6 and from 1e21). */
  toJSON(): number {
    return this.value;
  }
}

/** A YAML timestamp (time.Time), with the offset it was written with. */
export class GoTime {
  constructor(
    /** Milliseconds since the epoch of the instant, without the sub-millisecond part. */
    readonly epochMs: number,
    /** Nanoseconds within the second (0–999 999 999). */
    readonly nanos: number,
    /**
     * Offset from UTC in minutes as written; null when the text had none or `Z` (Go: time.UTC). An explicit
     * offset gets a zone named after it, as time.Parse fabricates one (this assumes the machine's zone is UTC,
     * where an explicit +00:00 is the local zone and prints as UTC).
     */
    readonly offsetMinutes: number | null,
  ) {}

  /** time.Time.String(): `2024-01-15 00:00:00 +0000 UTC`. */
  toString(): string {
    const offset = this.offsetMinutes ?? 0;
    return `${this.wallClock(' ')} ${offsetText(offset, '')} ${this.zoneName()}`;
  }

  /** encoding/json of time.Time: RFC 3339 with nanoseconds, trailing zeros dropped. */
  toJSON(): string {
    const zone = this.offsetMinutes === null || this.offsetMinutes === 0 ? 'Z' : offsetText(this.offsetMinutes, ':');
    return `${this.wallClock('T')}${zone}`;
  }

  /** Go's `%#v`, which Compose prints for a timestamp used as a map key. */
  goSyntax(): string {
    const wall = new Date(this.epochMs + (this.offsetMinutes ?? 0) * 60_000);
    const location = this.offsetMinutes === null || this.offsetMinutes === 0 ? 'time.UTC' : 'time.Location("")';
    return (
      `time.Date(${wall.getUTCFullYear()}, time.${MONTHS[wall.getUTCMonth()]}, ${wall.getUTCDate()}, ` +
      `${wall.getUTCHours()}, ${wall.getUTCMinutes()}, ${wall.getUTCSeconds()}, ${this.nanos}, ${location})`
    );
  }

  private zoneName(): string {
    return this.offsetMinutes === null || this.offsetMinutes === 0 ? 'UTC' : offsetText(this.offsetMinutes, '');
  }

  /** `YYYY-MM-DD<separator>hh:mm:ss[.fraction]` in the written offset. */
  private wallClock(separator: string): string {
    const iso = new Date(this.epochMs + (this.offsetMinutes ?? 0) * 60_000).toISOString();
    const fraction = this.nanos === 0 ? '' : `.${String(this.nanos).padStart(9, '0').replace(/0+$/, '')}`;
    return `${iso.slice(0, 10)}${separator}${iso.slice(11, 19)}${fraction}`;
  }
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function offsetText(minutes: number, separator: string): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  return `${sign}${hours}${separator}${String(absolute % 60).padStart(2, '0')}`;
}

/** Any value a YAML scalar can decode to. */
export type GoScalar = string | number | bigint | boolean | null | GoFloat | GoTime;

export function isGoScalarObject(value: unknown): value is GoFloat | GoTime {
  return value instanceof GoFloat || value instanceof GoTime;
}

/** Go's `%v` (fmt.Sprint) of a decoded scalar: what Compose writes where the model wants a string. */
export function goSprint(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '<nil>';
  if (value instanceof GoFloat) return formatGoFloat(value.value);
  if (value instanceof GoTime) return value.toString();
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatGoFloat(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The Go type yaml.v3 decodes a value to, as Compose names it in messages (`unexpected type int`). */
export function goTypeName(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (value instanceof GoFloat) return 'float64';
  if (value instanceof GoTime) return 'time.Time';
  if (typeof value === 'bigint') return value > INT64_MAX ? 'uint64' : 'int';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  return Array.isArray(value) ? '[]interface {}' : 'map[string]interface {}';
}

/** Go's `%#v` of a decoded scalar (used in Compose's "Non-string key" message). */
export function goSyntax(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (value instanceof GoTime) return value.goSyntax();
  // yaml.v3 only yields uint64 above int64's range, and `%#v` prints uint64 in hexadecimal.
  if (typeof value === 'bigint' && value > INT64_MAX) return `0x${value.toString(16)}`;
  if (typeof value === 'string') return JSON.stringify(value);
  return goSprint(value);
}

/**
 * fmt's `%v` of a float64 (strconv.FormatFloat(v, 'g', -1, 64)): the shortest digits that read back the same,
 * in exponent form when the exponent is below -4 or at least 6 (`3e-05`, `1e+06`, `1.23456789e+08`).
 */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

const INT64_MAX = 9223372036854775807n;

/** Go's encoding/json refuses infinities and NaN (Compose: `json: unsupported value: +Inf`). */
export class UnsupportedJsonValueError extends Error {}

/**
 * Data → what Go's encoding/json would write for it: floats as numbers, timestamps as RFC 3339 text. Integers
 * beyond 2^53 stay BigInt unless `bigIntAsNumber` (JSON Schema validation only needs their type).
 */
export function toJsonData(value: unknown, options: { bigIntAsNumber?: boolean } = {}): unknown {
  if (value instanceof GoFloat) {
    if (!Number.isFinite(value.value))
      throw new UnsupportedJsonValueError(`json: unsupported value: ${goSprint(value)}`);
    return value.value;
  }
  if (value instanceof GoTime) return value.toJSON();
  if (typeof value === 'bigint') return options.bigIntAsNumber ? Number(value) : value;
  if (Array.isArray(value)) return value.map((item) => toJsonData(item, options));
  if (typeof value === 'object' && value !== null) {
    // Ordinary objects (validators compare with Object.prototype methods); fromEntries keeps `__proto__` as data.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJsonData(item, options)]));
  }
  return value;
}
