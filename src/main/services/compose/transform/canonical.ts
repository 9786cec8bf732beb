/**
 * Short syntax → long syntax on the merged data of each file (compose-go transform.Canonical):
 * ports, volumes, devices, secrets/configs, depends_on, env_file, build, extends, gpus, service networks,
 * `external: {name}` on top-level resources. Runs after schema validation, so types are known.
 */
import { composeInvalidError } from '../errors/compose-errors';
import { composeLimitError } from '../util/load-limits';
import { emptyMap, isPlainMap, pathMatches, type PlainMap } from '../util/plain-data';
import { countPortSpec, parsePortSpec } from './port-spec';
import { parseVolumeSpec } from './volume-spec';

export interface CanonicalOptions {
  /** Most port mappings the model may expand to (ranges count one per port). */
  maxPorts: number;
  /** Deprecations Compose warns about (`external.name`). */
  warn?: (message: string) => void;
}

interface CanonicalState extends CanonicalOptions {
  ports: number;
}

type Transformer = (value: unknown, path: string[], state: CanonicalState) => unknown;

const wrapString =
  (key: string): Transformer =>
  (value) =>
    typeof value === 'string' ? { [key]: value } : value;

const stringToList: Transformer = (value) => (typeof value === 'string' ? [value] : value);

const ports: Transformer = (value, path, state) => {
  if (!Array.isArray(value)) throw invalid(path, `invalid type ${typeof value} for port`);
  return value.flatMap((entry): unknown[] => {
    // Counted before expanding, so a file of 65 535-port ranges fails before it fills memory.
    state.ports += isPlainMap(entry) ? 1 : countPortSpec(String(entry));
    if (state.ports > state.maxPorts) {
      throw composeLimitError(
        `${path.join('.')}: the project publishes too many ports`,
        'BERTH_COMPOSE_MAX_PORTS',
        state.maxPorts,
        { path: path.join('.') },
      );
    }
    if (isPlainMap(entry)) return [entry];
    try {
      return parsePortSpec(String(entry));
    } catch (error) {
      // Compose prints the port parser's message alone (`Invalid hostPort: abc`).
      throw composeInvalidError((error as Error).message, { path: path.join('.') });
    }
  });
};

const volumeMount: Transformer = (value, path) => {
  if (typeof value !== 'string') return value;
  try {
    return parseVolumeSpec(value);
  } catch (error) {
    throw invalid(path, (error as Error).message);
  }
};

const deviceMapping: Transformer = (value, path) => {
  if (typeof value !== 'string') return value;
  const parts = value.split(':');
  if (parts.length > 3) throw invalid(path, `confusing device mapping, please use long syntax: ${value}`);
  const [source = '', target = '', permissions = 'rwm'] = parts;
  return { source, target: target === '' ? source : target, permissions };
};

const dependsOn: Transformer = (value, path) => {
  if (Array.isArray(value)) {
    const out = emptyMap();
    for (const name of value) out[String(name)] = { condition: 'service_started', required: true };
    return out;
  }
  if (!isPlainMap(value)) throw invalid(path, 'invalid type for depends_on');
  for (const [name, dependency] of Object.entries(value)) {
    if (!isPlainMap(dependency)) throw invalid([...path, name], 'unsupported value');
    dependency.condition ??= 'service_started';
    dependency.required ??= true;
  }
  return value;
};

const envFile: Transformer = (value) => {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return list.map((entry) =>
    typeof entry === 'string' ? { path: entry, required: true } : { required: true, ...(entry as PlainMap) },
  );
};

const gpus: Transformer = (value) => (typeof value === 'string' ? [{ count: 'all' }] : value);

const serviceNetworks: Transformer = (value) => {
  if (!Array.isArray(value)) return value;
  const out = emptyMap();
  for (const name of value) out[String(name)] = null;
  return out;
};

const keyValueMap: Transformer = (value, path) => {
  if (!Array.isArray(value)) return value;
  const out = emptyMap();
  for (const entry of value) {
    const text = String(entry);
    const equals = text.indexOf('=');
    if (equals === -1) throw invalid(path, `invalid value ${text}, expected key=value`);
    out[text.slice(0, equals)] = text.slice(equals + 1);
  }
  return out;
};

const sshKeys: Transformer = (value) => {
  if (!Array.isArray(value)) return value;
  const out = emptyMap();
  for (const entry of value) {
    const text = String(entry);
    const equals = text.indexOf('=');
    out[equals === -1 ? text : text.slice(0, equals)] = equals === -1 ? null : text.slice(equals + 1);
  }
  return out;
};

const maybeExternal: Transformer = (value, path, state) => {
  if (!isPlainMap(value)) return value;
  const external = value.external;
  if (isPlainMap(external)) {
    value.external = true;
    if ('name' in external) {
      state.warn?.(`${path.join('.')}: external.name is deprecated. Please set name and external: true`);
      if ('name' in value && value.name !== external.name) {
        throw invalid(path, 'name and external.name conflict; only use name');
      }
      value.name ??= external.name;
    }
  }
  return value;
};

const TRANSFORMS: [string, Transformer][] = [
  ['services.*.build', wrapString('context')],
  ['services.*.build.secrets.*', wrapString('source')],
  ['services.*.build.additional_contexts', keyValueMap],
  ['services.*.build.ssh', sshKeys],
  ['services.*.depends_on', dependsOn],
  ['services.*.env_file', envFile],
  ['services.*.label_file', stringToList],
  ['services.*.extends', wrapString('service')],
  ['services.*.gpus', gpus],
  ['services.*.networks', serviceNetworks],
  ['services.*.volumes.*', volumeMount],
  ['services.*.dns', stringToList],
  ['services.*.devices.*', deviceMapping],
  ['services.*.secrets.*', wrapString('source')],
  ['services.*.configs.*', wrapString('source')],
  ['services.*.ports', ports],
  ['volumes.*', maybeExternal],
  ['networks.*', maybeExternal],
  ['secrets.*', maybeExternal],
  ['configs.*', maybeExternal],
  ['include.*', wrapString('path')],
];
const PARSED = TRANSFORMS.map(([pattern, transform]) => ({ pattern: pattern.split('.'), transform }));

export function toCanonical(model: PlainMap, options: CanonicalOptions): PlainMap {
  return visit(model, [], { ...options, ports: 0 }) as PlainMap;
}

function visit(value: unknown, path: string[], state: CanonicalState): unknown {
  const rule = PARSED.find(({ pattern }) => pathMatches(pattern, path));
  const transformed = rule === undefined ? value : rule.transform(value, path, state);
  if (isPlainMap(transformed)) {
    for (const key of Object.keys(transformed)) transformed[key] = visit(transformed[key], [...path, key], state);
  } else if (Array.isArray(transformed)) {
    for (let i = 0; i < transformed.length; i++) transformed[i] = visit(transformed[i], [...path, '*'], state);
  }
  return transformed;
}

function invalid(path: string[], message: string) {
  const where = path.join('.');
  return composeInvalidError(`${where}: ${message}`, { path: where });
}
