/**
 * The scalar rules on their own (the property test in tests/integration/compose-fidelity/scalars.test.ts checks
 * them against the real Compose CLI): how yaml.v3 resolves plain scalars, how Go prints them.
 */
import { describe, expect, it } from 'vitest';
import {
  formatGoFloat,
  GoFloat,
  GoTime,
  goSprint,
  goSyntax,
  toJsonData,
} from '../../../src/main/services/compose/util/go-scalars';
import { resolvePlainScalar } from '../../../src/main/services/compose/yaml/resolve-scalar';

describe('resolvePlainScalar (yaml.v3)', () => {
  it.each([
    ['9223372036854775807', 9223372036854775807n],
    ['18446744073709551615', 18446744073709551615n],
    ['-9223372036854775808', -9223372036854775808n],
    ['1_000', 1000],
    ['0755', 493],
    ['0o17', 15],
    ['0x1F', 31],
    ['0b101', 5],
    ['+12', 12],
    ['yes', 'yes'],
    ['on', 'on'],
    ['True', true],
    ['~', null],
    ['1e400', '1e400'],
    ['1:20', '1:20'],
  ])('%s', (text, expected) => {
    expect(resolvePlainScalar(text)).toEqual(expected);
  });

  it('keeps floats apart from integers of the same value', () => {
    expect(resolvePlainScalar('1e6')).toEqual(new GoFloat(1e6));
    expect(resolvePlainScalar('09')).toEqual(new GoFloat(9));
    expect(resolvePlainScalar('.5')).toEqual(new GoFloat(0.5));
    expect(resolvePlainScalar('18446744073709551616')).toEqual(new GoFloat(18446744073709551616));
  });

  it('reads dates and times yaml.v3 accepts, and leaves the others as text', () => {
    expect(goSprint(resolvePlainScalar('2024-01-15'))).toBe('2024-01-15 00:00:00 +0000 UTC');
    expect(goSprint(resolvePlainScalar('2024-1-5T10:20:30.5Z'))).toBe('2024-01-05 10:20:30.5 +0000 UTC');
    expect(goSprint(resolvePlainScalar('2024-01-15T10:00:00+02:00'))).toBe('2024-01-15 10:00:00 +0200 +0200');
    expect(goSprint(resolvePlainScalar('2024-01-15 10:20:30'))).toBe('2024-01-15 10:20:30 +0000 UTC');
    expect(resolvePlainScalar('2024-02-30')).toBe('2024-02-30');
    expect(resolvePlainScalar('2024-01-15 10:20:30 +02:00')).toBe('2024-01-15 10:20:30 +02:00');
    expect(resolvePlainScalar('2024-01-15T10:20:30')).toBe('2024-01-15T10:20:30');
  });
});

describe('Go formatting', () => {
  it.each([
    [3e-5, '3e-05'],
    [1e6, '1e+06'],
    [0.1, '0.1'],
    [123456789, '1.23456789e+08'],
    [12000, '12000'],
    [1e-4, '0.0001'],
    [-0, '-0'],
    [9.223372036854776e18, '9.223372036854776e+18'],
  ])('%s prints as %s', (value, text) => {
    expect(formatGoFloat(value)).toBe(text);
  });

  it('prints integers beyond 2^53 with every digit, and timestamps as Go does', () => {
    expect(goSprint(9223372036854775807n)).toBe('9223372036854775807');
    expect(goSprint(new GoFloat(1))).toBe('1');
    const time = new GoTime(Date.UTC(2024, 0, 15), 0, null);
    expect(goSprint(time)).toBe('2024-01-15 00:00:00 +0000 UTC');
    expect(time.toJSON()).toBe('2024-01-15T00:00:00Z');
  });

  it('writes keys as Go’s %#v does in Compose’s "Non-string key" message', () => {
    expect(goSyntax(18446744073709551615n)).toBe('0xffffffffffffffff');
    expect(goSyntax(null)).toBe('<nil>');
    expect(goSyntax(new GoTime(Date.UTC(2024, 0, 15), 0, null))).toBe(
      'time.Date(2024, time.January, 15, 0, 0, 0, 0, time.UTC)',
    );
  });

  it('turns data into what encoding/json writes, refusing infinities', () => {
    expect(toJsonData({ a: new GoFloat(1.5), b: [new GoTime(0, 0, null)] })).toEqual({
      a: 1.5,
      b: ['1970-01-01T00:00:00Z'],
    });
    expect(() => toJsonData(new GoFloat(Infinity))).toThrow('json: unsupported value: +Inf');
  });
});
