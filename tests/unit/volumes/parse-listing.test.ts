import { describe, expect, it } from 'vitest';
import { entryTypeOf, parseListing, sortEntries } from '../../../src/main/services/volumes/parse-listing';

/** The LIST_DIRECTORY format: hidden staging names, then batches (count, names, stat lines, symlink targets). */
function listing(
  hidden: string[],
  batches: Array<Array<{ name: Buffer | string; stat: string; link?: Buffer | string }>>,
) {
  const field = (value: Buffer | string) => Buffer.concat([Buffer.from(value), Buffer.from([0])]);
  const parts = [field(String(hidden.length)), ...hidden.map((name) => field(`./${name}`))];
  for (const batch of batches) {
    parts.push(field(String(batch.length)));
    for (const entry of batch) parts.push(field(Buffer.concat([Buffer.from('./'), Buffer.from(entry.name)])));
    parts.push(field(batch.map((entry) => `${entry.stat}\n`).join('')));
    batch.forEach((entry, index) => {
      if (entry.link !== undefined) parts.push(field(String(index + 1)), field(entry.link));
    });
    parts.push(field(''));
  }
  return Buffer.concat(parts);
}

describe('parsing helper listings', () => {
  it('maps raw modes to entry types', () => {
    expect(entryTypeOf(0x41ed)).toBe('directory');
    expect(entryTypeOf(0x81a4)).toBe('file');
    expect(entryTypeOf(0xa1ff)).toBe('symlink');
    expect(entryTypeOf(0x11a4)).toBe('other');
  });

  it('parses entries with sizes, mtimes, modes and link targets, across batches', () => {
    const output = listing(
      [],
      [
        [
          { name: 'b.txt', stat: '81a4 12 1700000000' },
          { name: 'z dir', stat: '41ed 4096 1700000001' },
        ],
        [{ name: 'link', stat: 'a1ff 6 1700000002', link: '../other\n' }],
      ],
    );
    expect(parseListing(output)).toEqual([
      { name: 'z dir', type: 'directory', size: 4096, mtimeMs: 1700000001000, mode: 0o755, linkTarget: null },
      { name: 'b.txt', type: 'file', size: 12, mtimeMs: 1700000000000, mode: 0o644, linkTarget: null },
      { name: 'link', type: 'symlink', size: 6, mtimeMs: 1700000002000, mode: 0o777, linkTarget: '../other\n' },
    ]);
  });

  it('keeps every byte of a name: newlines (trailing too), a name that looks like a stat line, invalid UTF-8', () => {
    const names = ['important', 'important\n', 'a\n81a4 0 0 ./b', 'x\n\n', Buffer.from([0x66, 0xff, 0x0a])];
    const output = listing([], [names.map((name) => ({ name, stat: '81a4 1 1' }))]);
    expect(parseListing(output).map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['important', 'important\n', 'a\n81a4 0 0 ./b', 'x\n\n', 'f\udcff\n']),
    );
    expect(parseListing(output)).toHaveLength(5);
  });

  it('takes the one-by-one stat lines after a "!" when an entry vanished during the batch', () => {
    const output = listing(
      [],
      [
        [
          { name: 'a', stat: '81a4 5 1' },
          { name: 'gone', stat: '-' },
        ],
      ],
    );
    const withRetry = Buffer.from(
      output.toString('latin1').replace('81a4 5 1\n-\n', '81a4 5 1\n!\n81a4 5 1\n-\n'),
      'latin1',
    );
    expect(parseListing(withRetry).map((entry) => [entry.name, entry.size])).toEqual([['a', 5]]);
  });

  it('leaves out entries that vanished while listed, and Berth’s upload staging directories', () => {
    const output = listing(
      ['.berth-upload-0123456789ab'],
      [
        [
          { name: 'gone', stat: '-' },
          { name: '.berth-upload-0123456789ab', stat: '41ed 1 1' },
          { name: '.berth-upload-user-dir', stat: '41ed 1 1' },
        ],
      ],
    );
    expect(parseListing(output).map((entry) => entry.name)).toEqual(['.berth-upload-user-dir']);
  });

  it('parses an empty directory', () => {
    expect(parseListing(listing([], []))).toEqual([]);
  });

  it('rejects output it does not understand', () => {
    expect(() => parseListing(Buffer.from('garbage'))).toThrow(/unexpected format/);
    expect(() => parseListing(Buffer.from('0\x002\x00./a\x00'))).toThrow(/unexpected format/);
    const short = listing([], [[{ name: 'a', stat: '81a4 1 1' }]]);
    expect(() => parseListing(short.subarray(0, short.length - 1))).toThrow(/unexpected format/);
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
