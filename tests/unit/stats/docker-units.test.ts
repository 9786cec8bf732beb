import { describe, expect, it } from 'vitest';
import {
  bytesSize,
  goFixed,
  goG,
  humanAge,
  humanSize,
  humanSizeWithPrecision,
} from '../../../src/main/cli/commands/docker-units';

// Expected strings are what the docker CLI printed on this engine, or what Go's fmt prints for these values.
describe('docker CLI number formatting', () => {
  it('prints memory as docker stats does (go-units BytesSize, %.4g)', () => {
    expect(bytesSize(319_488)).toBe('312KiB');
    expect(bytesSize(25_276_194_816)).toBe('23.54GiB');
    expect(bytesSize(50_757_632)).toBe('48.41MiB');
    expect(bytesSize(134_217_728)).toBe('128MiB');
    expect(bytesSize(1_085_276)).toBe('1.035MiB');
    expect(bytesSize(0)).toBe('0B');
  });

  it('prints I/O as docker stats does (HumanSizeWithPrecision, %.3g) and sizes as docker system df (%.4g)', () => {
    expect(humanSizeWithPrecision(806, 3)).toBe('806B');
    expect(humanSizeWithPrecision(1_234, 3)).toBe('1.23kB');
    // Go's %g switches to an exponent when rounding reaches the precision.
    expect(humanSizeWithPrecision(999_999, 3)).toBe('1e+03kB');
    expect(humanSize(6_477_363)).toBe('6.477MB');
    expect(humanSize(209_715_210)).toBe('209.7MB');
    expect(humanSize(2_577_927)).toBe('2.578MB');
  });

  it('rounds like Go: exact decimal value, ties to even', () => {
    expect(goFixed(0.125, 2)).toBe('0.12');
    expect(goFixed(0.375, 2)).toBe('0.38');
    expect(goFixed(91.5678, 2)).toBe('91.57');
    expect(goFixed(0, 2)).toBe('0.00');
    expect(goFixed(0.006, 2)).toBe('0.01');
    expect(goFixed(100, 2)).toBe('100.00');
    expect(goG(0.00001, 3)).toBe('1e-05');
    expect(goG(12.25, 3)).toBe('12.2');
    expect(goG(1000, 4)).toBe('1000');
  });

  it('prints ages as docker images does', () => {
    const now = 10_000_000_000;
    expect(humanAge(now - 500, now)).toBe('Less than a second ago');
    expect(humanAge(now - 4 * 60_000, now)).toBe('4 minutes ago');
    expect(humanAge(now - 90_000, now)).toBe('About a minute ago');
    expect(humanAge(now - 3_600_000, now)).toBe('About an hour ago');
    expect(humanAge(now - 3 * 24 * 3_600_000, now)).toBe('3 days ago');
  });
});
