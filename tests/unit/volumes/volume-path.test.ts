import { describe, expect, it } from 'vitest';
import { helperPath, nameBytes, normalizeVolumePath } from '../../../src/main/services/volumes/volume-path';

describe('volume paths', () => {
  it.each([
    ['', ''],
    ['.', ''],
    ['a', 'a'],
    ['a//b/./c/', 'a/b/c'],
    ['ünï/名前 x', 'ünï/名前 x'],
    ['..a/b..', '..a/b..'],
    ['trail\n/x\n', 'trail\n/x\n'],
    ['bad\udcff/name', 'bad\udcff/name'],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeVolumePath(input)).toBe(expected);
  });

  it.each([
    ['..', /goes up/],
    ['a/../../b', /goes up/],
    ['a/..', /goes up/],
    ['/etc/passwd', /absolute/],
    ['\\windows', /absolute/],
    ['a\0b', /NUL/],
    ['a/\ud800', /stands for no file name byte/],
    [`${'é'.repeat(128)}`, /at most 255 bytes/],
  ])('rejects %j', (input, message) => {
    expect(() => normalizeVolumePath(input)).toThrow(message);
    try {
      normalizeVolumePath(input);
    } catch (error) {
      expect(error).toMatchObject({ code: 'E_INVALID_INPUT', fix: expect.any(String) });
    }
  });

  it('counts a name in bytes, and passes paths to the helper as plain ASCII, component by component', () => {
    expect(nameBytes('x'.repeat(255))).toHaveLength(255);
    expect(() => nameBytes('x'.repeat(256))).toThrow(/255 bytes/);
    expect(helperPath('')).toBe('');
    expect(helperPath('a.b/c d/trail\n/\udcff')).toBe('a.b/c\\040d/trail\\012/\\377');
  });
});
