/**
 * Typed calls of the Engine API's swarm endpoints. dockerode's helpers put a POST's options in both the query and
 * the body; these send the spec as the body and `version`/`rollback` as the query, as the API wants.
 */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import { engineError } from '../compose/engine/apply/engine-errors';
import type {
  FileObjectSpec,
  NetworkCreateSpec,
  ServiceSpec,
  SwarmFileObject,
  SwarmNode,
  SwarmService,
  SwarmTask,
} from './swarm-spec';

interface DialOptions {
  path: string;
  method: 'GET' | 'POST' | 'DELETE';
  query?: Record<string, unknown>;
  body?: unknown;
  /** `X-Registry-Auth` for creates and updates that pull. */
  registryAuth?: string;
  signal?: AbortSignal;
}

interface DockerModem {
  dial(options: object, callback: (error: unknown, data: unknown) => void): void;
}

export type Filters = Record<string, string[]>;

/**
 * The engine's API version, asked once per client. Requests carry it in their path (`/v1.41/…`) as the docker CLI's
 * do: the engine fills a service spec's defaults (restart policy, update config, stop grace period) only for a
 * versioned request, and Berth's specs must be stored exactly as the CLI's are.
 */
const apiVersions = new WeakMap<Docker, Promise<string>>();

function apiVersionOf(docker: Docker): Promise<string> {
  let version = apiVersions.get(docker);
  if (!version) {
    version = docker.version().then((answer) => answer.ApiVersion);
    version.catch(() => apiVersions.delete(docker));
    apiVersions.set(docker, version);
  }
  return version;
}

/** One request; failures become BerthErrors that say what was tried and what the engine answered. */
export async function engineRequest<T>(docker: Docker, what: string, options: DialOptions): Promise<T> {
  const version = await apiVersionOf(docker).catch((error: unknown) => {
    throw asEngineError(error, what);
  });
  return dial<T>(docker, what, { ...options, path: `/v${version}${options.path}` });
}

function dial<T>(docker: Docker, what: string, options: DialOptions): Promise<T> {
  const modem = docker.modem as DockerModem;
  const query = options.query ?? {};
  const post = options.method === 'POST';
  // docker-modem appends the query only to a path ending in `?`, and sends `_body` as a POST's body.
  const withQuery = post || Object.keys(query).length > 0;
  return new Promise<T>((resolve, reject) => {
    modem.dial(
      {
        path: withQuery ? `${options.path}?` : options.path,
        method: options.method,
        options: post ? { _query: query, _body: options.body ?? {} } : query,
        headers: options.registryAuth ? { 'X-Registry-Auth': options.registryAuth } : undefined,
        abortSignal: options.signal,
        statusCodes: STATUS_CODES,
      },
      (error, data) => (error ? reject(asEngineError(error, what)) : resolve(data as T)),
    );
  });
}

const STATUS_CODES = {
  200: true,
  201: true,
  204: true,
  304: true,
  400: 'bad request',
  404: 'not found',
  409: 'conflict',
  500: 'server error',
  503: 'not a swarm manager',
};

function asEngineError(error: unknown, what: string): BerthError {
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 503) {
    const message = (error as { json?: { message?: string } }).json?.message ?? 'the engine is not a swarm manager';
    return new BerthError('E_ENGINE_ERROR', `${what}: ${message}`, {
      fix: 'Connect Berth to a swarm manager (DOCKER_HOST or a docker context), or run `docker swarm init` on this engine.',
      cause: error,
    });
  }
  return engineError(error, what);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof BerthError && error.code === 'E_NOT_FOUND';
}

export const swarmApi = {
  info: (docker: Docker) =>
    engineRequest<EngineInfo>(docker, 'Reading the engine info', { path: '/info', method: 'GET' }),
  listNodes: (docker: Docker, filters?: Filters) =>
    engineRequest<SwarmNode[]>(docker, 'Listing the swarm nodes', {
      path: '/nodes',
      method: 'GET',
      query: filterQuery(filters),
    }),
  listServices: (docker: Docker, filters?: Filters, status = false) =>
    engineRequest<SwarmService[]>(docker, 'Listing services', {
      path: '/services',
      method: 'GET',
      query: { ...filterQuery(filters), ...(status ? { status: 'true' } : {}) },
    }),
  inspectService: (docker: Docker, id: string) =>
    engineRequest<SwarmService>(docker, `Inspecting service ${id}`, {
      path: `/services/${encodeURIComponent(id)}`,
      method: 'GET',
    }),
  createService: (docker: Docker, spec: ServiceSpec, registryAuth?: string) =>
    engineRequest<{ ID: string; Warnings?: string[] | null }>(docker, `Creating service ${spec.Name}`, {
      path: '/services/create',
      method: 'POST',
      body: spec,
      registryAuth,
    }),
  updateService: (
    docker: Docker,
    service: { ID: string; Version: { Index: number } },
    spec: ServiceSpec,
    options: { rollback?: boolean; registryAuth?: string; what?: string } = {},
  ) =>
    engineRequest<{ Warnings?: string[] | null }>(docker, options.what ?? `Updating service ${spec.Name}`, {
      path: `/services/${encodeURIComponent(service.ID)}/update`,
      method: 'POST',
      query: { version: service.Version.Index, ...(options.rollback ? { rollback: 'previous' } : {}) },
      body: spec,
      registryAuth: options.registryAuth,
    }),
  removeService: (docker: Docker, id: string, name = id) =>
    engineRequest<void>(docker, `Removing service ${name}`, {
      path: `/services/${encodeURIComponent(id)}`,
      method: 'DELETE',
    }),
  listTasks: (docker: Docker, filters?: Filters) =>
    engineRequest<SwarmTask[]>(docker, 'Listing tasks', { path: '/tasks', method: 'GET', query: filterQuery(filters) }),
  listNetworks: (docker: Docker, filters?: Filters) =>
    engineRequest<EngineNetwork[]>(docker, 'Listing networks', {
      path: '/networks',
      method: 'GET',
      query: filterQuery(filters),
    }),
  inspectNetwork: (docker: Docker, name: string) =>
    engineRequest<EngineNetwork>(docker, `Inspecting network ${name}`, {
      path: `/networks/${encodeURIComponent(name)}`,
      method: 'GET',
    }),
  createNetwork: (docker: Docker, spec: NetworkCreateSpec) =>
    engineRequest<{ Id: string }>(docker, `Creating network ${spec.Name}`, {
      path: '/networks/create',
      method: 'POST',
      body: { ...spec, CheckDuplicate: true },
    }),
  removeNetwork: (docker: Docker, id: string, name = id) =>
    engineRequest<void>(docker, `Removing network ${name}`, {
      path: `/networks/${encodeURIComponent(id)}`,
      method: 'DELETE',
    }),
  listFileObjects: (docker: Docker, kind: 'secrets' | 'configs', filters?: Filters) =>
    engineRequest<SwarmFileObject[]>(docker, `Listing ${kind}`, {
      path: `/${kind}`,
      method: 'GET',
      query: filterQuery(filters),
    }),
  createFileObject: (docker: Docker, kind: 'secrets' | 'configs', spec: FileObjectSpec) =>
    engineRequest<{ ID: string }>(docker, `Creating ${kind === 'secrets' ? 'secret' : 'config'} ${spec.Name}`, {
      path: `/${kind}/create`,
      method: 'POST',
      body: spec,
    }),
  updateFileObject: (docker: Docker, kind: 'secrets' | 'configs', object: SwarmFileObject, spec: FileObjectSpec) =>
    engineRequest<void>(docker, `Updating ${kind === 'secrets' ? 'secret' : 'config'} ${spec.Name}`, {
      path: `/${kind}/${encodeURIComponent(object.ID)}/update`,
      method: 'POST',
      query: { version: object.Version.Index },
      body: spec,
    }),
  removeFileObject: (docker: Docker, kind: 'secrets' | 'configs', id: string, name = id) =>
    engineRequest<void>(docker, `Removing ${kind === 'secrets' ? 'secret' : 'config'} ${name}`, {
      path: `/${kind}/${encodeURIComponent(id)}`,
      method: 'DELETE',
    }),
  inspectImage: (docker: Docker, image: string) =>
    engineRequest<{ Id: string; RepoDigests?: string[] }>(docker, `Inspecting image ${image}`, {
      path: `/images/${encodeURIComponent(image)}/json`,
      method: 'GET',
    }),
  distributionInspect: (docker: Docker, image: string, registryAuth?: string, signal?: AbortSignal) =>
    engineRequest<DistributionInfo>(docker, `Looking up ${image} in its registry`, {
      path: `/distribution/${encodeURIComponent(image)}/json`,
      method: 'GET',
      registryAuth,
      signal,
    }),
};

function filterQuery(filters: Filters | undefined): Record<string, unknown> {
  return filters && Object.keys(filters).length ? { filters } : {};
}

export interface EngineInfo {
  ID: string;
  Name: string;
  ServerVersion: string;
  Swarm?: {
    NodeID?: string;
    NodeAddr?: string;
    LocalNodeState?: string;
    ControlAvailable?: boolean;
    Nodes?: number;
    Managers?: number;
  };
}

export interface EngineNetwork {
  Id: string;
  Name: string;
  Driver: string;
  Scope: string;
  Labels?: Record<string, string> | null;
}

export interface DistributionInfo {
  Descriptor: { digest: string };
  Platforms?: { architecture?: string; os?: string }[];
}
