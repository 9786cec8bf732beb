/**
 * Final pass from the merged, canonical YAML data to the model, field by field per model/go-layout.ts:
 * short forms become long forms (environment/labels lists → maps, string commands → words, durations,
 * byte sizes, extra_hosts…) and zero values are dropped the way Go's `omitempty` drops them, so that the
 * result serialises to exactly what `docker compose config --format json` prints.
 */
import { composeInvalidError } from '../errors/compose-errors';
import { LAYOUTS, type FieldKind, type LayoutName, type StructLayout } from '../model/go-layout';
import type { LayoutTypes } from '../model/layout-types';
import { goSprint, toJsonData } from '../util/go-scalars';
import { emptyMap, isPlainMap, type PlainMap } from '../util/plain-data';
import { normalizeDuration } from '../util/go-duration';
import { normalizeBytes } from './go-units';
import { splitShellWords } from './shell-words';

const SHELL_HEALTHCHECK = 'CMD-SHELL';

type Decoded = { present: false } | { present: true; value: unknown };
const ABSENT: Decoded = { present: false };
const present = (value: unknown): Decoded => ({ present: true, value });

/** One top-level struct of the model, typed as model/layout-types.ts says the layout is. */
export function decodeLayout<Name extends keyof LayoutTypes>(
  name: Name,
  value: unknown,
  path: string,
): LayoutTypes[Name] {
  // The decoder writes exactly the layout's fields; layout-types.ts checks at compile time that they are the type's.
  return decodeStruct(name, value, path) as unknown as LayoutTypes[Name];
}

export function decodeStruct(layoutName: string, value: unknown, path: string): PlainMap {
  const layout = (LAYOUTS as Record<string, StructLayout>)[layoutName];
  if (layout === undefined) throw new Error(`unknown layout ${layoutName as LayoutName}`);
  const source = isPlainMap(value) ? value : {};
  const out = emptyMap();
  for (const [name, kind] of layout) {
    const decoded = decodeField(kind, source[name], `${path}.${name}`);
    if (decoded.present) out[name] = decoded.value;
  }
  return out;
}

function decodeField(kind: FieldKind, value: unknown, path: string): Decoded {
  try {
    return decodeKind(kind, value, path);
  } catch (error) {
    if (error instanceof Error && error.name === 'BerthError') throw error;
    throw composeInvalidError(`${path}: ${(error as Error).message}`, { path });
  }
}

function decodeKind(kind: FieldKind, value: unknown, path: string): Decoded {
  if (kind.startsWith('[@')) return decodeStructList(kind.slice(2, -1), value, path);
  if (kind.startsWith('{@')) return decodeStructMap(kind.slice(2, -1), value, path);
  if (kind.startsWith('@')) {
    const always = kind.endsWith('!');
    const name = always ? kind.slice(1, -1) : kind.slice(1);
    if (value === undefined || value === null) return always ? present(decodeStruct(name, {}, path)) : ABSENT;
    return present(decodeStruct(name, value, path));
  }
  const absent = value === undefined || value === null;
  switch (kind) {
    case 'string':
      return absent || value === '' ? ABSENT : present(goString(value));
    case 'string!':
      return present(absent ? '' : goString(value));
    case 'number':
      return absent || Number(value) === 0 ? ABSENT : present(Number(value));
    case 'number!':
      return present(absent ? 0 : Number(value));
    case 'number*':
      return absent ? ABSENT : present(Number(value));
    case 'bool':
      return value === true || value === 'true' ? present(true) : ABSENT;
    case 'bool!':
      return present(value === true || value === 'true');
    case 'bool*':
      return absent ? ABSENT : present(value === true || value === 'true');
    case 'bytes': {
      if (absent) return ABSENT;
      const bytes = normalizeBytes(value);
      return bytes === 0 ? ABSENT : present(String(bytes));
    }
    case 'duration':
      return absent ? ABSENT : present(normalizeDuration(value));
    case 'command':
      if (absent) return present(null);
      return present(typeof value === 'string' ? splitShellWords(value) : (value as unknown[]).map(goString));
    case 'list':
    case 'stringList':
    case 'numberList': {
      if (absent) return ABSENT;
      const list = Array.isArray(value) ? value.map(goString) : [goString(value)];
      return list.length === 0 ? ABSENT : present(list);
    }
    case 'healthcheckTest':
      if (absent) return ABSENT;
      return present(typeof value === 'string' ? [SHELL_HEALTHCHECK, value] : (value as unknown[]).map(goString));
    case 'map':
      return nonEmptyMap(toStringMap(value));
    case 'env':
      return nonEmptyMap(toEnvironmentMap(value));
    case 'hosts':
      return absent ? ABSENT : nonEmptyList(hostsAsList(value));
    case 'deviceCount':
      if (absent) return ABSENT;
      if (value === 'all') return present(-1);
      return Number(value) === 0 ? ABSENT : present(Number(value));
    case 'nanoCpus':
      return absent || Number(value) === 0 ? ABSENT : present(Number(value));
    case '{ulimit}':
      return absent ? ABSENT : nonEmptyMap(mapValues(value, decodeUlimit));
    case 'ssh':
      return absent ? ABSENT : present(sshEntries(value));
    case 'raw':
      return absent ? ABSENT : present(toJsonData(value));
    default:
      throw new Error(`unknown field kind ${kind}`);
  }
}

function decodeStructList(name: string, value: unknown, path: string): Decoded {
  if (!Array.isArray(value) || value.length === 0) return ABSENT;
  return present(value.map((item, index) => decodeStruct(name, item, `${path}[${index}]`)));
}

function decodeStructMap(spec: string, value: unknown, path: string): Decoded {
  const nullable = spec.endsWith('?');
  const name = nullable ? spec.slice(0, -1) : spec;
  if (!isPlainMap(value)) return ABSENT;
  const out = emptyMap();
  for (const key of Object.keys(value).sort()) {
    const item = value[key];
    out[key] = nullable && (item === null || item === undefined) ? null : decodeStruct(name, item, `${path}.${key}`);
  }
  return nonEmptyMap(out);
}

/** `[default, id=path]` or `{id: path}` → the list Compose prints (`default` alone when there is no path). */
function sshEntries(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(goString);
  if (!isPlainMap(value)) return [goString(value)];
  return Object.entries(value).map(([id, path]) => (path === null || path === '' ? id : `${id}=${goString(path)}`));
}

function decodeUlimit(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint') return Number(value);
  const limits = isPlainMap(value) ? value : {};
  const out = emptyMap();
  if (Number(limits.single ?? 0) !== 0) return Number(limits.single);
  if (Number(limits.soft ?? 0) !== 0) out.soft = Number(limits.soft);
  if (Number(limits.hard ?? 0) !== 0) out.hard = Number(limits.hard);
  return out;
}

/** `KEY=value` lists or maps → map of strings (labels, sysctls, options…). */
export function toStringMap(value: unknown): PlainMap {
  const out = emptyMap();
  if (Array.isArray(value)) {
    for (const entry of value) {
      const text = goString(entry);
      const equals = text.indexOf('=');
      out[equals === -1 ? text : text.slice(0, equals)] = equals === -1 ? '' : text.slice(equals + 1);
    }
  } else if (isPlainMap(value)) {
    for (const [key, item] of Object.entries(value))
      out[key] = item === null || item === undefined ? '' : goString(item);
  }
  return sortKeys(out);
}

/** Environment-like lists or maps → map whose values are strings, or null for a bare key. */
export function toEnvironmentMap(value: unknown): PlainMap {
  const out = emptyMap();
  if (Array.isArray(value)) {
    for (const entry of value) {
      const text = goString(entry);
      const equals = text.indexOf('=');
      if (equals === -1) out[text] = null;
      else out[text.slice(0, equals)] = text.slice(equals + 1);
    }
  } else if (isPlainMap(value)) {
    for (const [key, item] of Object.entries(value))
      out[key] = item === null || item === undefined ? null : goString(item);
  }
  return sortKeys(out);
}

function hostsAsList(value: unknown): string[] {
  const hosts = new Map<string, string[]>();
  const add = (host: string, addresses: string[]) => hosts.set(host, [...(hosts.get(host) ?? []), ...addresses]);
  if (Array.isArray(value)) {
    for (const entry of value.map(goString)) {
      const separator = ['=', ':'].map((sep) => entry.indexOf(sep)).find((index) => index !== -1);
      if (separator === undefined) throw new Error(`invalid additional host, missing IP: ${entry}`);
      add(entry.slice(0, separator), entry.slice(separator + 1).split(','));
    }
  } else if (isPlainMap(value)) {
    for (const [host, addresses] of Object.entries(value)) {
      add(host, Array.isArray(addresses) ? addresses.map(goString) : [addresses === null ? '' : goString(addresses)]);
    }
  }
  const list: string[] = [];
  for (const [host, addresses] of hosts) {
    if (host === '' || /[:=]/.test(host)) throw new Error(`bad host name '${host}'`);
    for (const address of addresses) {
      const unbracketed =
        address.length > 2 && address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
      list.push(`${host}=${unbracketed}`);
    }
  }
  return list.sort();
}

function mapValues(value: unknown, transform: (item: unknown) => unknown): PlainMap {
  const out = emptyMap();
  if (!isPlainMap(value)) return out;
  for (const key of Object.keys(value).sort()) out[key] = transform(value[key]);
  return out;
}

function nonEmptyMap(map: PlainMap): Decoded {
  return Object.keys(map).length === 0 ? ABSENT : present(map);
}

function nonEmptyList(list: unknown[]): Decoded {
  return list.length === 0 ? ABSENT : present(list);
}

function sortKeys(map: PlainMap): PlainMap {
  const out = emptyMap();
  for (const key of Object.keys(map).sort()) out[key] = map[key];
  return out;
}

/** Go's fmt.Sprint of a YAML scalar (what mapstructure's weak typing gives a string field); nothing is ''. */
export function goString(value: unknown): string {
  return value === null || value === undefined ? '' : goSprint(value);
}
