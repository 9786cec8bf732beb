/**
 * Makes relative paths absolute against the project directory (compose-go paths.ResolveRelativePaths):
 * build contexts (not URLs or `service:`), env_file, label_file, extends.file, watch paths, bind mount sources,
 * secret/config files, include paths, and local volumes with `o: bind`. `~` means the user's home.
 */
import { isAbsolute, resolve } from 'node:path';
import { isPlainMap, pathMatches, type PlainMap } from '../util/plain-data';

type Resolver = (value: unknown) => unknown;

const REMOTE_CONTEXT_PREFIXES = ['https://', 'http://', 'git://', 'ssh://', 'github.com/', 'git@'];
const SERVICE_PREFIX = 'service:';

export function resolveRelativePaths(model: PlainMap, workingDir: string, home?: string): void {
  const absolute = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(absolute);
    if (typeof value !== 'string') return value;
    const expanded = expandHome(value, home);
    if (expanded === '' || isAbsolute(expanded)) return expanded;
    return resolve(workingDir, expanded);
  };
  const contextPath: Resolver = (value) => {
    if (typeof value !== 'string') return value;
    if (value.includes('://') || value.startsWith(SERVICE_PREFIX)) return value;
    if (REMOTE_CONTEXT_PREFIXES.some((prefix) => value.startsWith(prefix))) return value;
    return absolute(value);
  };
  const volumeMount: Resolver = (value) => {
    if (!isPlainMap(value) || value.type !== 'bind' || typeof value.source !== 'string') return value;
    value.source = absolute(value.source);
    return value;
  };
  const volumeDriverOptions: Resolver = (value) => {
    if (!isPlainMap(value) || value.driver !== 'local' || !isPlainMap(value.driver_opts)) return value;
    const options = value.driver_opts;
    if (options.o === 'bind' && 'device' in options) options.device = absolute(options.device);
    return value;
  };
  const resolvers: [string[], Resolver][] = [
    [['services', '*', 'build', 'context'], contextPath],
    [['services', '*', 'build', 'additional_contexts', '*'], contextPath],
    [['services', '*', 'build', 'ssh', '*'], absolute],
    [['services', '*', 'env_file', '*', 'path'], absolute],
    [['services', '*', 'label_file', '*'], absolute],
    [['services', '*', 'extends', 'file'], absolute],
    [['services', '*', 'develop', 'watch', '*', 'path'], absolute],
    [['services', '*', 'volumes', '*'], volumeMount],
    [['configs', '*', 'file'], absolute],
    [['secrets', '*', 'file'], absolute],
    [['include', 'path'], absolute],
    [['include', 'project_directory'], absolute],
    [['include', 'env_file'], absolute],
    [['volumes', '*'], volumeDriverOptions],
  ];
  const visit = (value: unknown, path: string[]): unknown => {
    const resolver = resolvers.find(([pattern]) => pathMatches(pattern, path));
    if (resolver !== undefined) return resolver[1](value);
    if (isPlainMap(value)) for (const key of Object.keys(value)) value[key] = visit(value[key], [...path, key]);
    else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = visit(value[i], [...path, '*']);
    return value;
  };
  visit(model, []);
}

function expandHome(path: string, home: string | undefined): string {
  if (home === undefined || !path.startsWith('~')) return path;
  if (path === '~') return home;
  return path.startsWith('~/') ? resolve(home, path.slice(2)) : path;
}
