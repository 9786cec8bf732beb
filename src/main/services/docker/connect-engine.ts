import type Docker from 'dockerode';
import type { EngineInfo } from '@shared/schemas/engine';
import { createEngineClient, type EngineClient } from './docker-client';
import { toEngineInfo, type RawEngineInfo, type RawEngineVersion } from './engine-info';
import type { EngineTarget, ResolvedEndpoint } from './engine-target';

/** How long one request of a connection attempt may take before the engine counts as unreachable. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;
/**
 * An ssh engine's first answer waits for the handshake and a remote shell to start `docker system dial-stdio`
 * (a `.bashrc` that initialises conda or pyenv can take seconds): the docker CLI gives ssh 30 s too.
 */
export const SSH_REQUEST_TIMEOUT_MS = 30_000;
/** Once the engine answered a ping it is there: Podman takes 1.7–10 s for /info and /version, and that is fine. */
export const INFO_TIMEOUT_MS = 30_000;

export interface EngineSession {
  docker: Docker;
  /** What the client holds open; close it when the session ends. */
  client: EngineClient;
  info: EngineInfo;
  /** `/info` as the engine sent it (SystemTime, CDI devices… that EngineInfo leaves out). */
  rawInfo: RawEngineInfo;
}

export interface RequestOptions {
  /** Overrides the transport's default (`requestTimeoutFor`). */
  timeoutMs?: number;
  /** Aborts the attempt, e.g. when the connection is stopped. */
  signal?: AbortSignal;
}

/** How long a ping may take on this transport before the engine counts as gone. */
export function requestTimeoutFor(target: EngineTarget): number {
  return target.transport === 'ssh' ? SSH_REQUEST_TIMEOUT_MS : DEFAULT_REQUEST_TIMEOUT_MS;
}

/** One connection attempt: ping, then info and version. Rejects with the transport's error (and closes the client). */
export async function connectEngine(resolved: ResolvedEndpoint, options: RequestOptions = {}): Promise<EngineSession> {
  const client = createEngineClient(resolved.target);
  try {
    const timeoutMs = options.timeoutMs ?? requestTimeoutFor(resolved.target);
    const slow = { ...options, timeoutMs: Math.max(timeoutMs, INFO_TIMEOUT_MS) };
    const details = () =>
      Promise.all([
        abortableRequest<RawEngineInfo>(client.docker, 'info', slow),
        abortableRequest<RawEngineVersion>(client.docker, 'version', slow),
      ]);
    // On a local socket the three requests go out together (a round trip less for `berth engine`); the ping's short
    // timeout still decides reachability. Elsewhere each request may cost a channel or a connection: ping first.
    const early = resolved.target.transport === 'unix' ? details() : null;
    early?.catch(() => undefined);
    await pingEngine(client.docker, { ...options, timeoutMs });
    const [info, version] = await (early ?? details());
    return { docker: client.docker, client, info: toEngineInfo(info, version, resolved.endpoint), rawInfo: info };
  } catch (error) {
    client.close();
    throw error;
  }
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
