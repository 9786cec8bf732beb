/**
 * Short volume syntax (`[SOURCE:]TARGET[:OPTIONS]`) → long syntax, as compose-go's format.ParseVolume does:
 * a source starting with `.`, `/`, `~`, `\\` or a drive letter is a bind mount (created if missing),
 * anything else names a volume; options `ro`, `rw`, `nocopy`, propagation and SELinux flags.
 */
import { posix } from 'node:path';

export class VolumeSpecError extends Error {}

export interface VolumeEntry {
  type: 'bind' | 'volume';
  source?: string;
  target?: string;
  read_only?: boolean;
  bind?: { propagation?: string; selinux?: string; create_host_path?: boolean };
  volume?: { nocopy?: boolean };
}

const PROPAGATIONS = new Set(['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave']);
const SELINUX_LABELS = new Set(['z', 'Z']);

export function parseVolumeSpec(spec: string): VolumeEntry {
  if (spec.length === 0) throw new VolumeSpecError('invalid empty volume spec');
  if (spec.length <= 2) return { type: 'volume', target: spec };

  const entry: Omit<VolumeEntry, 'type'> = {};
  let buffer = '';
  const characters = [...spec];
  for (let i = 0; i <= characters.length; i++) {
    const char = characters[i];
    const atEnd = char === undefined;
    if (char === ':' && buffer.length === 1 && /\p{L}/u.test(buffer)) {
      buffer += char;
    } else if (char === ':' || atEnd) {
      try {
        fillField(entry, buffer, atEnd);
      } catch (error) {
        throw new VolumeSpecError(`invalid spec: ${spec}: ${(error as Error).message}`);
      }
      buffer = '';
    } else {
      buffer += char;
    }
  }
  return withType(entry);
}

function fillField(entry: Omit<VolumeEntry, 'type'>, buffer: string, atEnd: boolean): void {
  if (buffer.length === 0) throw new Error('empty section between colons');
  if (entry.source === undefined && atEnd) {
    entry.target = buffer;
    return;
  }
  if (entry.source === undefined) {
    entry.source = buffer;
    return;
  }
  if (entry.target === undefined) {
    entry.target = buffer;
    return;
  }
  if (!atEnd) throw new Error('too many colons');
  for (const option of buffer.split(',')) {
    if (option === 'ro') entry.read_only = true;
    else if (option === 'rw') entry.read_only = false;
    else if (option === 'nocopy') entry.volume = { nocopy: true };
    else if (PROPAGATIONS.has(option)) entry.bind = { ...entry.bind, propagation: option };
    else if (SELINUX_LABELS.has(option)) entry.bind = { ...entry.bind, selinux: option };
  }
}

function withType(entry: Omit<VolumeEntry, 'type'>): VolumeEntry {
  const target = entry.target === undefined ? undefined : posix.normalize(entry.target).replace(/(.)\/$/, '$1');
  const base = { ...entry, target };
  if (isFilePath(entry.source ?? '')) {
    return { type: 'bind', ...base, bind: { ...entry.bind, create_host_path: true } };
  }
  return { type: 'volume', ...base, volume: { ...entry.volume } };
}

export function isFilePath(source: string): boolean {
  if (source === '') return false;
  if ('./~'.includes(source[0]!)) return true;
  if (source.startsWith('\\\\')) return true;
  const [first, second] = [...source];
  return second === ':' && first !== undefined && /\p{L}/u.test(first);
}
