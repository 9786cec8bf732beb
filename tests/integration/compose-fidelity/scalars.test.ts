/**
 * Scalars as Compose prints them (issue 20.1), property-based with the real `docker compose` as the oracle:
 * generated plain scalars of every family Go's yaml.v3 resolves (integers of any size and base, underscores,
 * floats in every notation, timestamps, booleans and nulls, near misses of each) are written, many per file,
 * as environment values, labels, build args and top-level extensions; both tools' output must be identical.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berthConfig, composeCliAvailable, composeConfig, jsonDifferences, projectDir } from './compose-oracle';

const available = await composeCliAvailable();

const digits = (min: number, max: number, alphabet = '0123456789') =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
const sign = fc.constantFrom('', '', '-', '+');

/** Underscores sprinkled between characters (yaml.v3 drops them before reading a number). */
const withUnderscores = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, fc.nat(), fc.boolean()).map(([value, seed, add]) => {
    if (!add || value.length < 2) return value;
    const at = 1 + (seed % (value.length - 1));
    return `${value.slice(0, at)}_${value.slice(at)}`;
  });

const decimalInteger = fc.tuple(sign, digits(1, 24)).map(([s, d]) => `${s}${d}`);
const boundaryInteger = fc.constantFrom(
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775808',
  '-9223372036854775809',
  '18446744073709551615',
  '18446744073709551616',
  '9007199254740993',
  '-9007199254740993',
);
const prefixedInteger = fc.oneof(
  fc.tuple(sign, fc.constantFrom('0x', '0X'), digits(1, 18, '0123456789abcdefABCDEF')).map((p) => p.join('')),
  fc.tuple(sign, fc.constantFrom('0o', '0O'), digits(1, 23, '01234567')).map((p) => p.join('')),
  fc.tuple(sign, fc.constantFrom('0b', '0B'), digits(1, 66, '01')).map((p) => p.join('')),
  fc.tuple(sign, digits(1, 22, '01234567')).map(([s, d]) => `${s}0${d}`),
  fc.tuple(sign, digits(1, 3)).map(([s, d]) => `${s}0${d}`),
);
const float = fc
  .tuple(
    sign,
    fc.oneof(
      fc.tuple(digits(1, 20), digits(0, 20)).map(([a, b]) => `${a}.${b}`),
      digits(1, 5).map((d) => `.${d}`),
      digits(1, 20),
    ),
    fc.option(
      fc.tuple(fc.constantFrom('e', 'E'), sign, digits(1, 3)).map((p) => p.join('')),
      { nil: '' },
    ),
  )
  .map((p) => p.join(''));
const timestamp = fc
  .tuple(
    digits(4, 4),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.boolean(),
    fc.constantFrom('', 'T', 't', ' ', 'T', ' '),
    fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 })),
    fc.option(
      fc.tuple(fc.constantFrom('.', ','), digits(1, 12)).map((p) => p.join('')),
      { nil: '' },
    ),
    fc.constantFrom('', 'Z', '+02:00', '-05:30', '+00:00', 'z'),
  )
  .map(([year, month, day, pad, separator, [h, m, s], fraction, zone]) => {
    const two = (n: number) => (pad ? String(n).padStart(2, '0') : String(n));
    const date = `${year}-${two(month)}-${two(day)}`;
    return separator === '' ? date : `${date}${separator}${two(h)}:${two(m)}:${two(s)}${fraction}${zone}`;
  });
const word = fc.constantFrom(
  'true',
  'True',
  'TRUE',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '~',
  'null',
  'Null',
  'NULL',
  '1_',
  '1__0',
  '0x',
  '0b',
  '0o',
  '+',
  '1.2.3',
  '1e',
  'e1',
  '0o8',
  '0b2',
  '09',
  '1:20',
  '12:30:00',
  '+.5',
  '-.5e-3',
  '1e400',
  '-1e-400',
  '0.1',
  '3e-5',
  '1e6',
);

const plainScalar = fc.oneof(
  withUnderscores(decimalInteger),
  boundaryInteger,
  withUnderscores(prefixedInteger),
  withUnderscores(float),
  timestamp,
  word,
);

const CASES_PER_FILE = 60;
const FILES = 6;

function composeFile(values: string[]): string {
  const lines = ['services:', '  s:', '    image: busybox', '    environment:'];
  values.forEach((value, i) => lines.push(`      E${i}: ${value}`));
  lines.push('    labels:');
  values.forEach((value, i) => lines.push(`      l${i}: ${value}`));
  lines.push('    build:', '      context: .', '      args:');
  values.forEach((value, i) => lines.push(`        A${i}: ${value}`));
  values.forEach((value, i) => lines.push(`x-v${i}: ${value}`));
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!available)('scalars print as docker compose prints them', () => {
  it(`matches the real CLI on ${FILES} files of ${CASES_PER_FILE} generated scalars`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(plainScalar, { minLength: CASES_PER_FILE, maxLength: CASES_PER_FILE }),
        async (values) => {
          const dir = projectDir({ 'compose.yaml': composeFile(values) });
          const [compose, berth] = await Promise.all([composeConfig(dir), berthConfig(dir)]);
          expect({ code: berth.code, error: firstLine(berth.stderr) }).toMatchObject({ code: compose.code });
          if (compose.code === 0) {
            const written = (key: string) => values[Number(/\d+$/.exec(key)?.[0])];
            const differences = jsonDifferences(JSON.parse(berth.stdout), JSON.parse(compose.stdout));
            expect(differences.map((line) => `${line} (written ${written(line.split(':')[0]!)})`)).toEqual([]);
          }
        },
      ),
      { numRuns: FILES },
    );
  });

  it('matches the real CLI for numbers in sysctls and as mapping keys', async () => {
    const numbers = fc.oneof(withUnderscores(decimalInteger), boundaryInteger, withUnderscores(float), timestamp, word);
    await fc.assert(
      fc.asyncProperty(fc.array(numbers, { minLength: 20, maxLength: 20 }), numbers, async (values, key) => {
        const sysctls = values.map((value, i) => `      k${i}: ${value}`);
        const file = ['services:', '  s:', '    image: busybox', '    sysctls:', ...sysctls, '    labels:'];
        const dir = projectDir({ 'compose.yaml': [...file, `      ${key}: v`, ''].join('\n') });
        const [compose, berth] = await Promise.all([composeConfig(dir), berthConfig(dir)]);
        expect({ code: berth.code, error: firstLine(berth.stderr) }).toMatchObject({ code: compose.code });
        if (compose.code === 0)
          expect(jsonDifferences(JSON.parse(berth.stdout), JSON.parse(compose.stdout))).toEqual([]);
        else if (/Non-string key/.test(compose.stderr)) expect(firstLine(berth.stderr)).toBe(firstLine(compose.stderr));
      }),
      { numRuns: 12 },
    );
  });

  it('refuses infinities and NaN where Compose does, and prints them as Go does in strings', async () => {
    for (const value of ['.inf', '-.Inf', '.NaN', '+.INF']) {
      const dir = projectDir({ 'compose.yaml': `services:\n  s:\n    image: busybox\nx-v: ${value}\n` });
      const [compose, berth] = await Promise.all([composeConfig(dir), berthConfig(dir)]);
      expect(berth.code).toBe(compose.code);
      // Compose's message word for word; Berth adds its "Fix:" line under it.
      expect(firstLine(berth.stderr)).toBe(firstLine(compose.stderr));
      expect(berth.stderr).toMatch(/\nFix: /);
    }
  });
});

function firstLine(text: string): string {
  return (
    text.split('\n').find((line) => line.trim() !== '' && !line.startsWith('WARN') && !line.startsWith('time=')) ?? ''
  );
}
