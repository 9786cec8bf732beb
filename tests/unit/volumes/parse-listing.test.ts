import { describe, expect, it } from 'vitest';
import {
  entryTypeOf,
  fillLinkTargets,
  parseListing,
  parseStatLines,
  sortEntries,
  symlinkPaths,
} from '../../../src/main/services/volumes/parse-listing';

function listingOutput(resolved: string, statLines: string, links: string[] = []): Buffer {
  return Buffer.concat([
    Buffer.from(`${resolved}\0`),
    Buffer.from(statLines),
    Buffer.from('\0'),
    Buffer.from(links.map((part) => `${part}\0`).join('')),
  ]);
}

describe('parsing helper listings', () => {
  it('maps raw modes to entry types', () => {
    expect(entryTypeOf(0x41ed)).toBe('directory');
    expect(entryTypeOf(0x81a4)).toBe('file');
    expect(entryTypeOf(0xa1ff)).toBe('symlink');
    expect(entryTypeOf(0x11a4)).toBe('other');
  });

  it('parses entries with sizes, mtimes, modes and link targets', () => {
    const output = listingOutput(
      '/v/data',
      [
        '81a4 12 1700000000 /v/data/b.txt',
        '41ed 4096 1700000001 /v/data/z dir',
        'a1ff 6 1700000002 /v/data/link',
        '',
      ].join('\n'),
      ['/v/data/link', '../other'],
    );
    const { resolved, entries } = parseListing(output);
    expect(resolved).toBe('/v/data');
    expect(entries).toEqual([
      { name: 'z dir', type: 'directory', size: 4096, mtimeMs: 1700000001000, mode: 0o755, linkTarget: null },
      { name: 'b.txt', type: 'file', size: 12, mtimeMs: 1700000000000, mode: 0o644, linkTarget: null },
      { name: 'link', type: 'symlink', size: 6, mtimeMs: 1700000002000, mode: 0o777, linkTarget: '../other' },
    ]);
  });

  it('fills in link targets fetched separately for the symlinks only', () => {
    const listing = parseListing(listingOutput('/v', ['a1ff 1 1 /v/l', '81a4 1 1 /v/f', ''].join('\n')));
    expect(symlinkPaths(listing)).toEqual(['/v/l']);
    fillLinkTargets(listing, Buffer.from('/v/l\0target\nwith newline\0'));
    expect(listing.entries.find((entry) => entry.name === 'l')?.linkTarget).toBe('target\nwith newline');
    expect(listing.entries.find((entry) => entry.name === 'f')?.linkTarget).toBeNull();
  });

  it('keeps newlines inside names, and unicode', () => {
    const lines = parseStatLines('81a4 1 1 /v/new\nline\n81a4 2 2 /v/名前\n', '/v/');
    expect(lines.map((line) => line.path)).toEqual(['/v/new\nline', '/v/名前']);
  });

  it('parses the root and an empty directory', () => {
    expect(parseListing(listingOutput('/v', '81a4 1 1 /v/a\n')).entries.map((entry) => entry.name)).toEqual(['a']);
    expect(parseListing(listingOutput('/v/empty', '')).entries).toEqual([]);
  });

  it('rejects output it does not understand', () => {
    expect(() => parseListing(Buffer.from('garbage'))).toThrow(/unexpected format/);
  });

  it('sorts directories first, then names naturally', () => {
    const entry = (name: string, type: 'file' | 'directory') => ({
      name,
      type,
      size: 0,
      mtimeMs: 0,
      mode: 0,
      linkTarget: null,
    });
    const sorted = sortEntries([
      entry('f10', 'file'),
      entry('f2', 'file'),
      entry('b', 'directory'),
      entry('F1', 'file'),
    ]);
    expect(sorted.map((item) => item.name)).toEqual(['b', 'F1', 'f2', 'f10']);
  });
});
