/**
 * What Go's yaml.v3 (the parser Compose uses) makes of a plain, untagged scalar: null, bool, int (int64, then
 * uint64), float64, timestamp, or the text itself. YAML 1.2 core forms plus what yaml.v3 keeps from 1.1:
 * `1_000`, `0755` octal, `0b101`, `0o17`, `0x1F`, `.inf`, and dates such as `2024-01-15`. `yes`/`on` stay strings.
 */
import { GoFloat, GoTime, type GoScalar } from '../util/go-scalars';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

const FIXED: ReadonlyMap<string, GoScalar> = new Map<string, GoScalar>([
  ...['true', 'True', 'TRUE'].map((text): [string, GoScalar] => [text, true]),
  ...['false', 'False', 'FALSE'].map((text): [string, GoScalar] => [text, false]),
  ...['', '~', 'null', 'Null', 'NULL'].map((text): [string, GoScalar] => [text, null]),
  ...['.nan', '.NaN', '.NAN'].map((text): [string, GoScalar] => [text, new GoFloat(NaN)]),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((text): [string, GoScalar] => [
    text,
    new GoFloat(Infinity),
  ]),
  ...['-.inf', '-.Inf', '-.INF'].map((text): [string, GoScalar] => [text, new GoFloat(-Infinity)]),
]);

/** yaml.v3's first-character hints: only these can start a non-string. */
const HINTED = /^[-+0-9yYnNtTfFoO~.]/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** strconv.ParseFloat's decimal syntax (no hex floats, no underscores, no Inf/NaN words here). */
const GO_DECIMAL_FLOAT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function resolvePlainScalar(text: string): GoScalar {
  if (text === '') return null;
  if (!HINTED.test(text)) return text;
  const fixed = FIXED.get(text);
  if (fixed !== undefined || FIXED.has(text)) return fixed ?? null;
  const first = text[0]!;
  if (first === '.') return (goUnderscoresOk(text) && parseGoFloat(text.replaceAll('_', ''))) || text;
  if (!/[-+0-9]/.test(first)) return text;
  const timestamp = parseTimestamp(text);
  if (timestamp !== undefined) return timestamp;
  const plain = text.replaceAll('_', '');
  const integer = parseGoInteger(plain);
  if (integer !== undefined) return integer;
  if (YAML_STYLE_FLOAT.test(plain)) {
    const float = parseGoFloat(plain);
    if (float !== undefined) return float;
  }
  return text;
}

/** strconv.ParseInt(text, 0, 64), then ParseUint: a JS number when exact, else a BigInt. */
function parseGoInteger(text: string): number | bigint | undefined {
  const match = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (match === null) return undefined;
  const [, sign, digits] = match as unknown as [string, string, string];
  const lower = digits.toLowerCase();
  let magnitude: bigint;
  if (lower.startsWith('0x') || lower.startsWith('0b')) magnitude = BigInt(lower);
  else if (lower.startsWith('0o')) magnitude = BigInt(lower);
  else if (digits.length > 1 && digits.startsWith('0')) magnitude = BigInt(`0o${digits.slice(1)}`);
  else magnitude = BigInt(digits);
  const value = sign === '-' ? -magnitude : magnitude;
  // ParseUint takes no sign at all.
  const fits = (value >= INT64_MIN && value <= INT64_MAX) || (sign === '' && value <= UINT64_MAX);
  if (!fits) return undefined;
  return Number.isSafeInteger(Number(value)) ? Number(value) : value;
}

/** strconv.ParseFloat(text, 64); out of range (`1e400`) is an error there, so the scalar stays a string. */
function parseGoFloat(text: string): GoFloat | undefined {
  if (!GO_DECIMAL_FLOAT.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? new GoFloat(value) : undefined;
}

/** strconv's underscoreOK: an underscore only between digits (or after a base prefix), never at the end. */
function goUnderscoresOk(text: string): boolean {
  if (!text.includes('_')) return true;
  const body = text.replace(/^[-+]/, '');
  const prefixed = /^0[bBoOxX]/.test(body);
  const hex = /^0[xX]/.test(body);
  let saw = prefixed ? 'digit' : 'start';
  for (const char of prefixed ? body.slice(2) : body) {
    const isDigit = /[0-9]/.test(char) || (hex && /[a-fA-F]/.test(char));
    if (isDigit) saw = 'digit';
    else if (char === '_') {
      if (saw !== 'digit') return false;
      saw = 'underscore';
    } else {
      if (saw === 'underscore') return false;
      saw = 'other';
    }
  }
  return saw !== 'underscore';
}

/**
 * yaml.v3 tries, in order, Go layouts `2006-1-2T15:4:5.999999999Z07:00` (also with `t`), `2006-1-2 15:4:5.999999999`
 * and `2006-1-2`: a four-digit year, one- or two-digit fields, any number of fraction digits (`.` or `,`).
 */
const TIMESTAMP = /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:([Tt])|( ))(\d\d?):(\d\d?):(\d\d?)(?:[.,](\d+))?(Z|[-+]\d\d:\d\d)?)?$/;

export function parseTimestamp(text: string): GoTime | undefined {
  const match = TIMESTAMP.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, letterT, space, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  // With `T` the zone is required; with a space there is none; a date alone has neither.
  if (letterT !== undefined && zone === undefined) return undefined;
  if (space !== undefined && zone !== undefined) return undefined;
  const numbers = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = numbers;
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  let offsetMinutes: number | null = null;
  if (zone !== undefined && zone !== 'Z') {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(4, 6));
    if (hours > 24 || minutes > 60) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC maps years 0–99 to 1900–1999; set the year explicitly.
  const wall = new Date(wallMs);
  wall.setUTCFullYear(y);
  const nanos = Number(fraction.slice(0, 9).padEnd(9, '0'));
  return new GoTime(wall.getTime() - (offsetMinutes ?? 0) * 60_000, nanos, offsetMinutes);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}
