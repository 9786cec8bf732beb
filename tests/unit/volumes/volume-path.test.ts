import { describe, expect, it } from 'vitest';
import { containerPath, normalizeVolumePath, relativeToRoot } from '../../../src/main/services/volumes/volume-path';

describe('volume paths', () => {
  it.each([
    ['', ''],
    ['.', ''],
    ['a', 'a'],
    ['a//b/./c/', 'a/b/c'],
    ['ünï/名前 x', 'ünï/名前 x'],
    ['..a/b..', '..a/b..'],
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
  ])('rejects %j', (input, message) => {
    expect(() => normalizeVolumePath(input)).toThrow(message);
    try {
      normalizeVolumePath(input);
    } catch (error) {
      expect(error).toMatchObject({ code: 'E_INVALID_INPUT', fix: expect.any(String) });
    }
  });

  it('maps to the helper mount and back, refusing anything outside it', () => {
    expect(containerPath('')).toBe('/v');
    expect(containerPath('a/b')).toBe('/v/a/b');
    expect(relativeToRoot('/v')).toBe('');
    expect(relativeToRoot('/v/a/b')).toBe('a/b');
    expect(relativeToRoot('/va')).toBeNull();
    expect(relativeToRoot('/etc')).toBeNull();
  });
});
