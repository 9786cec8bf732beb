/** Defaults the spec implies, filled in once all files are merged (compose-go transform.SetDefaultValues). */
import { isPlainMap, pathMatches, type PlainMap } from '../util/plain-data';

type Filler = (value: PlainMap) => void;

const DEFAULTS: [string, Filler][] = [
  ['services.*.build', (build) => void (build.context ??= '.')],
  ['services.*.secrets.*', (secret) => void (secret.target ??= `/run/secrets/${String(secret.source)}`)],
  [
    'services.*.ports.*',
    (port) => {
      port.protocol ??= 'tcp';
      port.mode ??= 'ingress';
    },
  ],
  ['services.*.deploy.resources.reservations.devices.*', fillDeviceCount],
  ['services.*.gpus.*', fillDeviceCount],
];
const PARSED = DEFAULTS.map(([pattern, fill]) => ({ pattern: pattern.split('.'), fill }));

function fillDeviceCount(request: PlainMap): void {
  if (!('count' in request) && !('device_ids' in request)) request.count = 'all';
}

export function setDefaultValues(model: PlainMap): PlainMap {
  visit(model, []);
  return model;
}

function visit(value: unknown, path: string[]): void {
  if (isPlainMap(value)) {
    PARSED.find(({ pattern }) => pathMatches(pattern, path))?.fill(value);
    for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  } else if (Array.isArray(value)) {
    for (const item of value) visit(item, [...path, '*']);
  }
}
