/**
 * Numbers as the docker CLI prints them (Go's `fmt` and `github.com/docker/go-units`), so `berth stats` and
 * `berth df` columns read exactly like `docker stats` and `docker system df`: `%.4g` binary sizes (`1.953MiB`),
 * `%.3g`/`%.4g` decimal sizes (`806B`, `1.2kB`, `1e+03kB`), `%.2f` percentages. Go rounds the exact decimal value
 * of a float half to even; JavaScript's toFixed/toPrecision round ties up, so the rounding is done here.
 */

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];
const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** The exact decimal digits of a finite non-negative number, and where the point goes (digits before it). */
function exactDigits(value: number): { digits: string; point: number } {
  const [whole = '0', fraction = ''] = value.toFixed(100).split('.');
  const all = (whole === '0' ? '' : whole) + fraction;
  const leadingZeros = whole === '0' ? fraction.length - fraction.replace(/^0+/, '').length : 0;
  const digits = all.replace(/^0+/, '').replace(/0+$/, '');
  return { digits, point: whole === '0' ? -leadingZeros : whole.length };
}

/** Keeps `keep` digits, rounding half to even on what follows; a carry can add a digit in front. */
function roundDigits(digits: string, point: number, keep: number): { digits: string; point: number } {
  if (keep < 0) return { digits: '', point };
  if (digits.length <= keep) return { digits, point };
  const next = digits.charCodeAt(keep) - 48;
  const restNonZero = /[1-9]/.test(digits.slice(keep + 1));
  const last = keep > 0 ? digits.charCodeAt(keep - 1) - 48 : 0;
  const roundUp = next > 5 || (next === 5 && (restNonZero || last % 2 === 1));
  let kept = digits.slice(0, keep);
  if (!roundUp) return { digits: kept, point };
  let i = kept.length - 1;
  while (i >= 0 && kept[i] === '9') i--;
  if (i < 0) return { digits: '1', point: point + 1 };
  kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1);
  return { digits: kept, point };
}

/** Go's `%.<precision>g`. */
export function goG(value: number, precision: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value < 0) return `-${goG(-value, precision)}`;
  if (value === 0) return '0';
  const exact = exactDigits(value);
  const rounded = roundDigits(exact.digits, exact.point, Math.max(1, precision));
  const digits = rounded.digits.replace(/0+$/, '') || '0';
  const exponent = rounded.point - 1;
  if (exponent < -4 || exponent >= Math.max(1, precision)) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (rounded.point <= 0) return `0.${'0'.repeat(-rounded.point)}${digits}`;
  if (rounded.point >= digits.length) return digits + '0'.repeat(rounded.point - digits.length);
  return `${digits.slice(0, rounded.point)}.${digits.slice(rounded.point)}`;
}

/** Go's `%.<decimals>f`. */
export function goFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value < 0) return `-${goFixed(-value, decimals)}`;
  const exact = exactDigits(value);
  const rounded = roundDigits(exact.digits, exact.point, exact.point + decimals);
  const padded = rounded.digits.padEnd(rounded.point + decimals, '0');
  const wholeDigits = Math.max(0, rounded.point);
  const whole = padded.slice(0, wholeDigits) || '0';
  const fraction = ('0'.repeat(Math.max(0, -rounded.point)) + padded.slice(wholeDigits)).slice(0, decimals);
  return decimals > 0 ? `${whole}.${fraction.padEnd(decimals, '0')}` : whole;
}

function customSize(size: number, base: number, units: readonly string[], precision: number): string {
  let unit = 0;
  while (size >= base && unit < units.length - 1) {
    size /= base;
    unit++;
  }
  return `${goG(size, precision)}${units[unit]}`;
}

/** go-units `BytesSize`: `1.953MiB`, `23.54GiB`. */
export const bytesSize = (size: number): string => customSize(size, 1024, BINARY_UNITS, 4);

/** go-units `HumanSizeWithPrecision`: decimal units, `precision` significant digits. */
export const humanSizeWithPrecision = (size: number, precision: number): string =>
  customSize(size, 1000, DECIMAL_UNITS, precision);

/** go-units `HumanSize`: `1.98MB`, `120.5kB`. */
export const humanSize = (size: number): string => humanSizeWithPrecision(size, 4);

/** go-units `HumanDuration` + " ago", as `docker images` prints CREATED: `4 minutes ago`, `About an hour ago`. */
export function humanAge(then: number, now: number = Date.now()): string {
  const ms = Math.max(0, now - then);
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.round(ms / 3_600_000);
  let text: string;
  if (seconds < 1) text = 'Less than a second';
  else if (seconds === 1) text = '1 second';
  else if (seconds < 60) text = `${seconds} seconds`;
  else if (minutes === 1) text = 'About a minute';
  else if (minutes < 60) text = `${minutes} minutes`;
  else if (hours === 1) text = 'About an hour';
  else if (hours < 48) text = `${hours} hours`;
  else if (hours < 24 * 7 * 2) text = `${Math.floor(hours / 24)} days`;
  else if (hours < 24 * 30 * 2) text = `${Math.floor(hours / 24 / 7)} weeks`;
  else if (hours < 24 * 365 * 2) text = `${Math.floor(hours / 24 / 30)} months`;
  else text = `${Math.floor(Math.floor(ms / 3_600_000) / 24 / 365)} years`;
  return `${text} ago`;
}
