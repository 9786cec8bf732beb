import type { EntryType, VolumeEntry } from '@shared/schemas/volumes';
import { nameFromBytes } from './entry-name';

const TYPE_MASK = 0o170000;
const TYPE_BY_BITS: Record<number, EntryType> = { 0o040000: 'directory', 0o100000: 'file', 0o120000: 'symlink' };

export function entryTypeOf(rawMode: number): EntryType {
  return TYPE_BY_BITS[rawMode & TYPE_MASK] ?? 'other';
}

const STAT_LINE = /^([0-9a-f]+) (\d+) (\d+)$/;
const CURRENT_DIRECTORY_PREFIX = Buffer.from('./');

/** Reads NUL-terminated fields out of a buffer, as bytes; fails on output that ends early. */
class FieldReader {
  private offset = 0;

  constructor(private readonly output: Buffer) {}

  get done(): boolean {
    return this.offset >= this.output.length;
  }

  next(): Buffer {
    const end = this.output.indexOf(0, this.offset);
    if (end < 0) throw unexpectedFormat();
    const field = this.output.subarray(this.offset, end);
    this.offset = end + 1;
    return field;
  }

  count(): number {
    const text = this.next().toString('latin1');
    if (!/^\d+$/.test(text)) throw unexpectedFormat();
    return Number(text);
  }
}

function unexpectedFormat(): Error {
  return new Error('The helper returned a listing in an unexpected format.');
}

/** A name as `find .` printed it ("./NAME"), as the string Berth carries it. */
function entryName(field: Buffer): string {
  if (!field.subarray(0, 2).equals(CURRENT_DIRECTORY_PREFIX)) throw unexpectedFormat();
  return nameFromBytes(field.subarray(2));
}

/**
 * Parses the output of LIST_DIRECTORY (see helper-scripts.ts): the hidden staging directories, then batches of
 * names, their `stat` lines and the targets of the symlinks among them. Every name is bytes between NULs, so any name Linux allows (a
 * newline in it, invalid UTF-8) comes back exactly. Entries that vanished while being listed are left out, and so
 * are Berth's own upload staging directories.
 */
export function parseListing(output: Buffer): VolumeEntry[] {
  const fields = new FieldReader(output);
  const hidden = new Set<string>();
  for (let remaining = fields.count(); remaining > 0; remaining -= 1) hidden.add(entryName(fields.next()));
  const entries: VolumeEntry[] = [];
  while (!fields.done) {
    const count = fields.count();
    const names = Array.from({ length: count }, () => entryName(fields.next()));
    let stats = fields.next().toString('latin1').split('\n');
    if (stats.at(-1) === '') stats.pop();
    // "!": stat failed for some entry; the lines after it were made one by one, "-" for the ones gone.
    const redone = stats.lastIndexOf('!');
    if (redone >= 0) stats = stats.slice(redone + 1);
    if (stats.length !== count) throw unexpectedFormat();
    const targets = new Map<number, Buffer>();
    for (let position = fields.next(); position.length > 0; position = fields.next()) {
      targets.set(Number(position.toString('latin1')) - 1, fields.next());
    }
    names.forEach((name, index) => {
      const match = STAT_LINE.exec(stats[index]!);
      if (!match || hidden.has(name)) return;
      const rawMode = parseInt(match[1]!, 16);
      const type = entryTypeOf(rawMode);
      entries.push({
        name,
        type,
        size: Number(match[2]),
        mtimeMs: Number(match[3]) * 1000,
        mode: rawMode & 0o7777,
        linkTarget: type === 'symlink' ? nameFromBytes(targets.get(index) ?? Buffer.alloc(0)) : null,
      });
    });
  }
  return sortEntries(entries);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Directories first, then names in natural order (file2 before file10), ties broken by code points. */
export function sortEntries(entries: VolumeEntry[]): VolumeEntry[] {
  return entries.sort((a, b) => {
    const aDir = a.type === 'directory' ? 0 : 1;
    const bDir = b.type === 'directory' ? 0 : 1;
    return aDir - bDir || collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  });
}
