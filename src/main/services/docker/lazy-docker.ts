import type Docker from 'dockerode';
import { engineGet, type EngineGetOptions, type EngineTransport, type StatusReasons } from './engine-get';

const SERVER_ERROR: StatusReasons = { 500: 'server error' };
const LIST_REASONS: StatusReasons = { 400: 'bad parameter', 500: 'server error' };
const INSPECT_REASONS: StatusReasons = { 404: 'no such container', 500: 'server error' };

type Call = (...args: unknown[]) => unknown;

/**
 * A dockerode client that loads dockerode only when something needs it. Loading dockerode (docker-modem, ssh2, tar)
 * is most of a short `berth` command's start-up, and those commands mostly ask what the engine has: ping, version,
 * info, the container list, a container's inspect. Those few calls are answered here over the client's own
 * transport, with what dockerode returns (results and errors); any other use loads dockerode and is its own.
 * Callback-style calls go to dockerode as well.
 */
export function lazyDocker(load: () => Docker, transport: EngineTransport): Docker {
  let real: Docker | undefined;
  const client = (): Docker => (real ??= load());
  const get = <T>(path: string, reasons: StatusReasons, options?: EngineGetOptions) =>
    engineGet<T>(transport, path, reasons, options);

  const answered: Record<string, Call> = {
    ping: (options) => get('/_ping', SERVER_ERROR, { abortSignal: signalOf(options) }),
    info: (options) => get('/info', SERVER_ERROR, { abortSignal: signalOf(options) }),
    version: (options) => get('/version', SERVER_ERROR, { abortSignal: signalOf(options) }),
    listContainers: (options) =>
      get('/containers/json', LIST_REASONS, { query: queryOf(options), abortSignal: signalOf(options) }),
    getContainer: (id) => lazyContainer(String(id), () => client().getContainer(String(id)), get),
  };
  return new Proxy({} as Docker, {
    get(_target, property) {
      const own = typeof property === 'string' ? answered[property] : undefined;
      if (own)
        return (...args: unknown[]) => (args.some(isCallback) ? forward(client(), property, args) : own(...args));
      return bound(client(), property);
    },
    has: (_target, property) => property in answered || property in client(),
  });
}

type Get = <T>(path: string, reasons: StatusReasons, options?: EngineGetOptions) => Promise<T>;

/** `docker.getContainer(id)`: `inspect` answered here, the rest by dockerode's container. */
function lazyContainer(id: string, load: () => Docker.Container, get: Get): Docker.Container {
  let real: Docker.Container | undefined;
  const container = (): Docker.Container => (real ??= load());
  const inspect = (options?: unknown) =>
    get(`/containers/${encodeURIComponent(id)}/json`, INSPECT_REASONS, {
      query: queryOf(options),
      abortSignal: signalOf(options),
    });
  return new Proxy({} as Docker.Container, {
    get(_target, property) {
      if (property === 'id') return id;
      if (property === 'inspect')
        return (...args: unknown[]) =>
          args.some(isCallback) ? forward(container(), property, args) : inspect(args[0]);
      return bound(container(), property);
    },
    has: (_target, property) => property === 'id' || property in container(),
  });
}

function bound(target: object, property: string | symbol): unknown {
  const value = Reflect.get(target, property) as unknown;
  return typeof value === 'function' ? (value as Call).bind(target) : value;
}

function forward(target: object, property: string | symbol, args: unknown[]): unknown {
  return (Reflect.get(target, property) as Call).apply(target, args);
}

function isCallback(value: unknown): boolean {
  return typeof value === 'function';
}

function signalOf(options: unknown): AbortSignal | undefined {
  return isRecord(options) && options.abortSignal instanceof AbortSignal ? options.abortSignal : undefined;
}

function queryOf(options: unknown): Record<string, unknown> | undefined {
  return isRecord(options) ? options : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
