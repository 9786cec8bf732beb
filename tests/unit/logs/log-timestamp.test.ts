import { describe, expect, it } from 'vitest';
import { normalizeTimestamp, parseTimeArgument, toUnixTimestamp } from '../../../src/main/services/logs/log-timestamp';

describe('log timestamps', () => {
  it('converts a normalized timestamp to the API UNIX form without losing nanoseconds', () => {
    expect(toUnixTimestamp('2024-05-01T10:00:00.123456789Z')).toBe('1714557600.123456789');
    expect(normalizeTimestamp('not a time')).toBeNull();
  });

  it('understands the docker CLI forms of --since', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    expect(parseTimeArgument('10m', now)).toBe('1714557000.000000000');
    expect(parseTimeArgument('1h30m', now)).toBe(((now - 5_400_000) / 1000).toFixed(9));
    expect(parseTimeArgument('1714557600')).toBe('1714557600');
    expect(parseTimeArgument('2024-05-01T10:00:00Z')).toBe('1714557600.000000000');
    expect(parseTimeArgument('2024-05-01')).toBe('1714521600.000000000');
    expect(() => parseTimeArgument('yesterday')).toThrow(/not a time/);
  });
});
