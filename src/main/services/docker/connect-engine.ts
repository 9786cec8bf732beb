import type Docker from 'dockerode';
import type { EngineInfo } from '@shared/schemas/engine';
import { createDockerClient } from './docker-client';
import { toEngineInfo, type RawEngineInfo, type RawEngineVersion } from './engine-info';
import type { ResolvedEndpoint } from './engine-target';

/** How long one request of a connection attempt may take before the engine counts as unreachable. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;

export interface EngineSession {
  docker: Docker;
  info: EngineInfo;
}

export interface RequestOptions {
  timeoutMs?: number;
  /** Aborts the attempt, e.g. when the connection is stopped. */
  signal?: AbortSignal;
}

/** One connection attempt: ping, then info and version. Rejects with the transport's error. */
export async function connectEngine(resolved: ResolvedEndpoint, options: RequestOptions = {}): Promise<EngineSession> {
  const docker = createDockerClient(resolved.target);
  await pingEngine(docker, options);
  const [info, version] = await Promise.all([
    abortableRequest<RawEngineInfo>(docker, 'info', options),
    abortableRequest<RawEngineVersion>(docker, 'version', options),
  ]);
  return { docker, info: toEngineInfo(info, version, resolved.endpoint) };
}

export async function pingEngine(docker: Docker, options: RequestOptions = {}): Promise<void> {
  await abortableRequest<unknown>(docker, 'ping', options);
}

type AbortableRequest<T> = (options: { abortSignal: AbortSignal }) => Promise<T>;

/** dockerode accepts `{ abortSignal }` for these calls; @types/dockerode doesn't declare it. */
function abortableRequest<T>(docker: Docker, method: 'ping' | 'info' | 'version', options: RequestOptions): Promise<T> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  const abortSignal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const request = docker[method] as unknown as AbortableRequest<T>;
  return request.call(docker, { abortSignal });
}
