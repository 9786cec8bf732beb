/** The DiffCopy sender's walk: fsutil's order (the daemon rejects any other), .dockerignore rules, includes. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  goFileMode,
  walkContext,
  type WalkEntry,
  type WalkFilter,
} from '../../../src/main/services/build/session/context-walk';

const root = mkdtempSync(join(tmpdir(), 'berth-walk-'));
for (const file of [
  'a.txt',
  'a/b.txt',
  'a/c/d.txt',
  'a-b.txt',
  'B.txt',
  'logs/x.log',
  'logs/keep.log',
  'node_modules/m/i.js',
]) {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), file);
}
symlinkSync('a.txt', join(root, 'link'));

async function paths(filter?: WalkFilter): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of walkContext(root, filter)) found.push(entry.stat.path);
  return found;
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('context walk', () => {
  it('walks depth first, names in byte order, a folder before what it holds', async () => {
    expect(await paths()).toEqual([
      'B.txt',
      'a',
      'a/b.txt',
      'a/c',
      'a/c/d.txt',
      'a-b.txt',
      'a.txt',
      'link',
      'logs',
      'logs/keep.log',
      'logs/x.log',
      'node_modules',
      'node_modules/m',
      'node_modules/m/i.js',
    ]);
  });

  it('applies .dockerignore rules: a folder an exception reaches into is kept and entered', async () => {
    expect(await paths({ excludes: ['node_modules', 'logs', '!logs/keep.log', '**/d.txt'] })).toEqual([
      'B.txt',
      'a',
      'a/b.txt',
      'a/c',
      'a-b.txt',
      'a.txt',
      'link',
      'logs',
      'logs/keep.log',
    ]);
  });

  it('sends only what include patterns and follow paths name, with the folders above them', async () => {
    expect(await paths({ includes: ['a/c/d.txt'] })).toEqual(['a', 'a/c', 'a/c/d.txt']);
    expect(await paths({ followPaths: ['*.txt'] })).toEqual(['B.txt', 'a-b.txt', 'a.txt']);
    expect(await paths({ includes: ['logs'] })).toEqual(['logs', 'logs/keep.log', 'logs/x.log']);
  });

  it('describes entries as fsutil does: Go file modes, owners reset to root, link targets', async () => {
    const entries = new Map<string, WalkEntry>();
    for await (const entry of walkContext(root)) entries.set(entry.stat.path, entry);
    const link = entries.get('link')!;
    expect(link.stat).toMatchObject({ linkname: 'a.txt', uid: 0, gid: 0 });
    expect(link.hasData).toBe(false);
    const file = entries.get('a.txt')!;
    expect(file.stat.size).toBe(5);
    expect(file.hasData).toBe(true);
    expect(entries.get('a')!.stat.mode).toBeGreaterThanOrEqual(2 ** 31);
  });

  it('maps Unix modes to Go FileMode bits', () => {
    expect(goFileMode(0o100644)).toBe(0o644);
    expect(goFileMode(0o040755)).toBe(2 ** 31 + 0o755);
    expect(goFileMode(0o120777)).toBe(2 ** 27 + 0o777);
    expect(goFileMode(0o104755)).toBe(2 ** 23 + 0o755);
    expect(goFileMode(0o020666)).toBe(2 ** 26 + 2 ** 21 + 0o666);
  });
});
