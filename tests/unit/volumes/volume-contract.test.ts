import { describe, expect, it } from 'vitest';
import { operations, streams } from '@shared/contract';

describe('the volume contract', () => {
  const target = { kind: 'volume', volume: 'data_1' };

  it('accepts well-formed input and fills defaults', () => {
    expect(operations['volumes.listDirectory'].input.parse({ target, path: 'a/b' })).toEqual({
      target,
      path: 'a/b',
      offset: 0,
      limit: 200,
    });
  });

  it.each([
    ['an extra field', { target, path: '', extra: 1 }],
    ['a page too large', { target, path: '', limit: 100_000 }],
    ['a volume name with a slash', { target: { kind: 'volume', volume: '../etc' }, path: '' }],
    ['an unknown target', { target: { kind: 'host', path: '/' }, path: '' }],
    ['a NUL in a path', { target, path: 'a\0b' }],
  ])('rejects %s', (_label, input) => {
    expect(operations['volumes.listDirectory'].input.safeParse(input).success).toBe(false);
  });

  it('never accepts a new name that is a path', () => {
    for (const newName of ['a/b', '..', '.', '']) {
      expect(operations['volumes.rename'].input.safeParse({ target, path: 'x', newName }).success).toBe(false);
    }
  });

  it('requires a typed confirmation to delete', () => {
    expect(operations['volumes.deleteEntry'].input.safeParse({ target, path: 'x' }).success).toBe(false);
    expect(operations['volumes.remove'].input.safeParse({ volume: 'v' }).success).toBe(false);
  });

  it('takes uploads as a list of files with sizes, and never a local path for downloads', () => {
    expect(
      streams.volumeTransfer.input.safeParse({ direction: 'download', target, path: 'a', destination: '/tmp/x' })
        .success,
    ).toBe(false);
    expect(
      streams.volumeTransfer.input.parse({ direction: 'upload', target, parent: '', files: [{ path: 'a', size: 1 }] }),
    ).toMatchObject({ overwrite: false });
  });
});
