/**
 * After a merge, sequences that the spec indexes by a key keep one entry per key: the later entry wins
 * and takes the earlier one's place (compose-go override.EnforceUnicity).
 */
import { composeInvalidError } from '../errors/compose-errors';
import { parseVolumeSpec } from '../transform/volume-spec';
import { goTypeName } from '../util/go-scalars';
import { isPlainMap, pathMatches, type PlainMap } from '../util/plain-data';

type Indexer = (entry: unknown, path: string) => string;

const byKeyBeforeEquals: Indexer = (entry, path) => {
  if (typeof entry !== 'string') throw composeInvalidError(`${path}: unexpected type ${goTypeName(entry)}`, { path });
  const equals = entry.indexOf('=');
  return equals === -1 ? entry : entry.slice(0, equals);
};

const byVolumeTarget: Indexer = (entry, path) => {
  if (isPlainMap(entry)) {
    if (typeof entry.target !== 'string') {
      throw composeInvalidError(`service volume ${path} is missing a mount target`, { path });
    }
    return entry.target;
  }
  if (typeof entry === 'string') {
    try {
      return parseVolumeSpec(entry).target ?? '';
    } catch (error) {
      throw composeInvalidError((error as Error).message, { path });
    }
  }
  return '';
};

const byDeviceTarget: Indexer = (entry, path) => {
  if (isPlainMap(entry)) {
    if (typeof entry.target !== 'string') {
      throw composeInvalidError(`service device ${path} is missing a mount target`, { path });
    }
    return entry.target;
  }
  if (typeof entry === 'string') {
    const parts = entry.split(':');
    return parts.length === 1 ? parts[0]! : parts[1]!;
  }
  return '';
};

const byExposedPort: Indexer = (entry) => String(entry);

const byMountTarget =
  (defaultDirectory: string): Indexer =>
  (entry) => {
    if (typeof entry === 'string') return `${defaultDirectory}/${entry}`;
    if (isPlainMap(entry)) {
      return typeof entry.target === 'string' ? entry.target : `${defaultDirectory}/${String(entry.source)}`;
    }
    return String(entry);
  };

const byPortBinding: Indexer = (entry, path) => {
  if (typeof entry === 'number' || typeof entry === 'string') return String(entry);
  if (isPlainMap(entry)) {
    if (!('target' in entry)) throw composeInvalidError(`service ports ${path} is missing a target port`, { path });
    const hostIp = entry.host_ip ?? '0.0.0.0';
    const protocol = entry.protocol ?? 'tcp';
    return `${String(hostIp)}:${String(entry.published)}:${String(entry.target)}/${String(protocol)}`;
  }
  return '';
};

const byEnvFilePath: Indexer = (entry, path) => {
  if (typeof entry === 'string') return entry;
  if (isPlainMap(entry)) {
    if (!('path' in entry)) throw composeInvalidError(`environment path attribute ${path} is missing`, { path });
    return String(entry.path);
  }
  return '';
};

const UNIQUE_BY: [string, Indexer][] = [
  ['networks.*.labels', byKeyBeforeEquals],
  ['networks.*.ipam.options', byKeyBeforeEquals],
  ['services.*.annotations', byKeyBeforeEquals],
  ['services.*.build.args', byKeyBeforeEquals],
  ['services.*.build.additional_contexts', byKeyBeforeEquals],
  ['services.*.build.platform', byKeyBeforeEquals],
  ['services.*.build.tags', byKeyBeforeEquals],
  ['services.*.build.labels', byKeyBeforeEquals],
  ['services.*.cap_add', byKeyBeforeEquals],
  ['services.*.cap_drop', byKeyBeforeEquals],
  ['services.*.configs', byMountTarget('')],
  ['services.*.deploy.labels', byKeyBeforeEquals],
  ['services.*.dns', byKeyBeforeEquals],
  ['services.*.dns_opt', byKeyBeforeEquals],
  ['services.*.dns_search', byKeyBeforeEquals],
  ['services.*.environment', byKeyBeforeEquals],
  ['services.*.env_file', byEnvFilePath],
  ['services.*.expose', byExposedPort],
  ['services.*.labels', byKeyBeforeEquals],
  ['services.*.links', byKeyBeforeEquals],
  ['services.*.networks.*.aliases', byKeyBeforeEquals],
  ['services.*.networks.*.link_local_ips', byKeyBeforeEquals],
  ['services.*.ports', byPortBinding],
  ['services.*.profiles', byKeyBeforeEquals],
  ['services.*.secrets', byMountTarget('/run/secrets')],
  ['services.*.sysctls', byKeyBeforeEquals],
  ['services.*.tmpfs', byKeyBeforeEquals],
  ['services.*.volumes', byVolumeTarget],
  ['services.*.devices', byDeviceTarget],
];
const PARSED = UNIQUE_BY.map(([pattern, indexer]) => ({ pattern: pattern.split('.'), indexer }));

export function enforceUnicity(model: PlainMap): PlainMap {
  return visit(model, []) as PlainMap;
}

function visit(value: unknown, path: string[]): unknown {
  if (isPlainMap(value)) {
    for (const key of Object.keys(value)) value[key] = visit(value[key], [...path, key]);
    return value;
  }
  if (!Array.isArray(value)) return value;
  const rule = PARSED.find(({ pattern }) => pathMatches(pattern, path));
  if (rule === undefined) return value;
  const unique: unknown[] = [];
  const positions = new Map<string, number>();
  value.forEach((entry, index) => {
    const key = rule.indexer(entry, `${path.join('.')}[${index}]`);
    const existing = positions.get(key);
    if (existing === undefined) {
      positions.set(key, unique.length);
      unique.push(entry);
    } else {
      unique[existing] = entry;
    }
  });
  return unique;
}
