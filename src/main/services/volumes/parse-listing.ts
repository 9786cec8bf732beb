import type { EntryType, VolumeEntry } from '@shared/schemas/volumes';

const TYPE_MASK = 0o170000;
const TYPE_BY_BITS: Record<number, EntryType> = { 0o040000: 'directory', 0o100000: 'file', 0o120000: 'symlink' };

export function entryTypeOf(rawMode: number): EntryType {
  return TYPE_BY_BITS[rawMode & TYPE_MASK] ?? 'other';
}

export interface StatLine {
  rawMode: number;
  size: number;
  mtimeMs: number;
  path: string;
}

const LINE = /^([0-9a-f]+) (\d+) (\d+) (.*)$/s;

/**
 * Parses `stat -c '%f %s %Y %n'` output for paths that all start with `prefix`. A line that doesn't start a
 * record continues the previous path: that name had a newline in it.
 */
export function parseStatLines(text: string, prefix: string): StatLine[] {
  const records: StatLine[] = [];
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (match && match[4]!.startsWith(prefix)) {
      records.push({
        rawMode: parseInt(match[1]!, 16),
        size: Number(match[2]),
        mtimeMs: Number(match[3]) * 1000,
        path: match[4]!,
      });
    } else if (records.length > 0) {
      records[records.length - 1]!.path += `\n${line}`;
    }
  }
  // The output ends with a newline, which the split above turned into one empty continuation.
  const last = records[records.length - 1];
  if (last?.path.endsWith('\n')) last.path = last.path.slice(0, -1);
  return records;
}

/** Splits NUL-separated (path, target) pairs. */
export function parseLinkTargets(text: string): Map<string, string> {
  const parts = text.split('\0');
  const targets = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length; i += 2) targets.set(parts[i]!, parts[i + 1]!);
  return targets;
}

export interface ParsedListing {
  /** The directory with symlinks resolved, as the helper sees it. */
  resolved: string;
  entries: VolumeEntry[];
}

/** Paths (as the helper sees them) of the symlinks in a listing, whose targets READ_LINKS can fetch. */
export function symlinkPaths(listing: ParsedListing): string[] {
  const prefix = listing.resolved.endsWith('/') ? listing.resolved : `${listing.resolved}/`;
  return listing.entries.filter((entry) => entry.type === 'symlink').map((entry) => prefix + entry.name);
}

/** Fills in link targets from READ_LINKS output. */
export function fillLinkTargets(listing: ParsedListing, pairs: Buffer): void {
  const prefix = listing.resolved.endsWith('/') ? listing.resolved : `${listing.resolved}/`;
  const targets = parseLinkTargets(pairs.toString('utf8'));
  for (const entry of listing.entries) {
    if (entry.type === 'symlink') entry.linkTarget = targets.get(prefix + entry.name) ?? entry.linkTarget;
  }
}

/** Parses the output of the LIST_DIRECTORY script (see helper-scripts.ts); a third section may hold link pairs. */
export function parseListing(output: Buffer): ParsedListing {
  const firstNul = output.indexOf(0);
  const secondNul = output.indexOf(0, firstNul + 1);
  if (firstNul < 0 || secondNul < 0) throw new Error('The helper returned a listing in an unexpected format.');
  const resolved = output.subarray(0, firstNul).toString('utf8');
  const prefix = resolved.endsWith('/') ? resolved : `${resolved}/`;
  const lines = parseStatLines(output.subarray(firstNul + 1, secondNul).toString('utf8'), prefix);
  const targets = parseLinkTargets(output.subarray(secondNul + 1).toString('utf8'));
  const entries = lines.map((line): VolumeEntry => {
    const type = entryTypeOf(line.rawMode);
    return {
      name: line.path.slice(prefix.length),
      type,
      size: line.size,
      mtimeMs: line.mtimeMs,
      mode: line.rawMode & 0o7777,
      linkTarget: type === 'symlink' ? (targets.get(line.path) ?? '') : null,
    };
  });
  return { resolved, entries: sortEntries(entries) };
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
