/** Go's time.ParseDuration and time.Duration.String(), which Compose uses for every duration field. */
export class DurationError extends Error {}

const UNIT_NANOSECONDS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const COMPONENT = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/;

export function parseGoDuration(text: string): bigint {
  const invalid = () => new DurationError(`time: invalid duration ${JSON.stringify(text)}`);
  let rest = text;
  let sign = 1n;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1n;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') throw invalid();
  let total = 0n;
  while (rest !== '') {
    const match = COMPONENT.exec(rest);
    if (match === null) {
      if (/^\d*(?:\.\d*)?$/.test(rest))
        throw new DurationError(`time: missing unit in duration ${JSON.stringify(text)}`);
      throw invalid();
    }
    const [whole, integer, fraction = '', unit] = match as unknown as [string, string, string | undefined, string];
    if (integer === '' && fraction === '') throw invalid();
    const scale = UNIT_NANOSECONDS[unit]!;
    total += BigInt(integer || '0') * scale;
    if (fraction !== '') total += (BigInt(fraction) * scale) / 10n ** BigInt(fraction.length);
    rest = rest.slice(whole.length);
  }
  return sign * total;
}

export function formatGoDuration(nanoseconds: bigint): string {
  if (nanoseconds === 0n) return '0s';
  const negative = nanoseconds < 0n;
  let value = negative ? -nanoseconds : nanoseconds;
  let out: string;
  if (value < 1_000_000_000n) {
    const [unit, scale] = value < 1_000n ? ['ns', 1n] : value < 1_000_000n ? ['µs', 1_000n] : ['ms', 1_000_000n];
    out = withFraction(value, scale as bigint) + unit;
  } else {
    const hours = value / 3_600_000_000_000n;
    value -= hours * 3_600_000_000_000n;
    const minutes = value / 60_000_000_000n;
    value -= minutes * 60_000_000_000n;
    out = withFraction(value, 1_000_000_000n) + 's';
    if (hours > 0n || minutes > 0n) out = `${minutes}m${out}`;
    if (hours > 0n) out = `${hours}h${out}`;
  }
  return negative ? `-${out}` : out;
}

function withFraction(value: bigint, scale: bigint): string {
  const whole = value / scale;
  const remainder = value % scale;
  if (remainder === 0n) return String(whole);
  const digits = String(scale).length - 1;
  const fraction = String(remainder).padStart(digits, '0').replace(/0+$/, '');
  return `${whole}.${fraction}`;
}

/** Parses a YAML duration value (string or number of seconds are not allowed: Go formats the number then parses it). */
export function normalizeDuration(value: unknown): string {
  return formatGoDuration(parseGoDuration(String(value)));
}
