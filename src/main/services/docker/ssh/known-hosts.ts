import { createHmac, randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hostKeyType } from './host-key';

/** One line of a known_hosts file. */
export interface KnownHostEntry {
  marker: 'revoked' | 'cert-authority' | null;
  /** Comma-separated patterns, or one `|1|salt|hash` hashed name. */
  patterns: string;
  keyType: string;
  key: Buffer;
  file: string;
  line: number;
}

export type HostKeyVerdict =
  | { status: 'known'; file: string; line: number }
  /** `otherTypes`: key types known for this host under another algorithm (OpenSSH then also treats the key as new). */
  | { status: 'unknown'; otherTypes: string[] }
  /** A key of the same type is recorded for this host and it differs: possibly a man-in-the-middle. */
  | { status: 'changed'; file: string; line: number }
  | { status: 'revoked'; file: string; line: number };

export function parseKnownHosts(text: string, file: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'] = null;
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') {
      marker = fields[0] === '@revoked' ? 'revoked' : 'cert-authority';
      fields.shift();
    }
    const [patterns, keyType, keyText] = fields;
    if (!patterns || !keyType || !keyText) return;
    const key = Buffer.from(keyText, 'base64');
    // A line whose blob names another type than its type field is broken; OpenSSH skips it too.
    if (hostKeyType(key) !== keyType) return;
    entries.push({ marker, patterns, keyType, key, file, line: index + 1 });
  });
  return entries;
}

/** Whether `name` (as `host` or `[host]:port`) is one of the entry's names, hashed or by pattern, as OpenSSH decides. */
export function entryMatchesName(entry: Pick<KnownHostEntry, 'patterns'>, name: string): boolean {
  const lower = name.toLowerCase();
  if (entry.patterns.startsWith('|1|')) return hashedNameMatches(entry.patterns, lower);
  let matched = false;
  for (const pattern of entry.patterns.split(',')) {
    const negated = pattern.startsWith('!');
    if (wildcardMatch(lower, (negated ? pattern.slice(1) : pattern).toLowerCase())) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

/** Checks `key` for `name` against every entry, as OpenSSH does: revoked first, then a match, then a same-type clash. */
export function checkHostKey(entries: KnownHostEntry[], name: string, key: Buffer): HostKeyVerdict {
  const keyType = hostKeyType(key);
  const revoked = entries.find((entry) => entry.marker === 'revoked' && entry.key.equals(key));
  if (revoked) return { status: 'revoked', file: revoked.file, line: revoked.line };
  const forHost = entries.filter((entry) => entry.marker === null && entryMatchesName(entry, name));
  const same = forHost.find((entry) => entry.key.equals(key));
  if (same) return { status: 'known', file: same.file, line: same.line };
  const clash = forHost.find((entry) => entry.keyType === keyType);
  if (clash) return { status: 'changed', file: clash.file, line: clash.line };
  return { status: 'unknown', otherTypes: [...new Set(forHost.map((entry) => entry.keyType))] };
}

/** Key types recorded for `name`, so the handshake can ask the server for one of those first (as OpenSSH does). */
export function knownKeyTypes(entries: KnownHostEntry[], name: string): string[] {
  return [
    ...new Set(
      entries.filter((entry) => entry.marker === null && entryMatchesName(entry, name)).map((entry) => entry.keyType),
    ),
  ];
}

/** Reads every file that exists; a missing file is an empty one. */
export async function readKnownHosts(files: string[]): Promise<KnownHostEntry[]> {
  const all = await Promise.all(
    files.map(async (file) => {
      try {
        return parseKnownHosts(await readFile(file, 'utf8'), file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    }),
  );
  return all.flat();
}

/** The known_hosts line for `name` and `key`, the name hashed as `HashKnownHosts yes` does. */
export function knownHostsLine(name: string, key: Buffer, hash: boolean): string {
  const recordedName = hash ? hashName(name.toLowerCase(), randomBytes(20)) : name;
  return `${recordedName} ${hostKeyType(key)} ${key.toString('base64')}`;
}

/** Appends one line (creating `~/.ssh` 0700 and the file 0600 when they don't exist). */
export async function appendKnownHost(file: string, name: string, key: Buffer, hash: boolean): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  let prefix = '';
  try {
    const existing = await readFile(file, 'utf8');
    if (existing.length > 0 && !existing.endsWith('\n')) prefix = '\n';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await appendFile(file, `${prefix}${knownHostsLine(name, key, hash)}\n`, { mode: 0o600 });
}

function hashName(name: string, salt: Buffer): string {
  const hash = createHmac('sha1', salt).update(name).digest();
  return `|1|${salt.toString('base64')}|${hash.toString('base64')}`;
}

function hashedNameMatches(hashed: string, name: string): boolean {
  const [, , saltText, hashText] = hashed.split('|');
  if (!saltText || !hashText) return false;
  return hashName(name, Buffer.from(saltText, 'base64')) === hashed;
}

/** OpenSSH's `match_pattern`: `*` any run, `?` one character, everything else literal. */
function wildcardMatch(text: string, pattern: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(text);
}
