import { BerthError } from '@shared/errors';
import type { Endpoint } from '@shared/schemas/engine';
import { DEFAULT_NAMED_PIPE, DEFAULT_UNIX_SOCKET, type EngineTarget, type TlsSettings } from './engine-target';

const PLAIN_TCP_PORT = 2375;
const TLS_TCP_PORT = 2376;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export interface ParsedDockerHost {
  target: EngineTarget;
  /** Normalized address, e.g. `tcp://localhost:2375`. */
  address: string;
  kind: Endpoint['kind'];
  local: boolean;
}

/** Where a host value came from: named in errors, with how to fix it there. */
export interface HostOrigin {
  label: string;
  fix: string;
}

/**
 * Parses a docker host address (`DOCKER_HOST` or a context's `Endpoints.docker.Host`) the way the docker CLI does:
 * `unix://`, `npipe://`, `tcp://` (a bare `host:port` is tcp; the port defaults to 2375, or 2376 with TLS) and
 * `ssh://[user@]host[:port]`.
 */
export function parseDockerHost(value: string, tls: TlsSettings | null, origin: HostOrigin): ParsedDockerHost {
  const separator = value.indexOf('://');
  const scheme = separator === -1 ? 'tcp' : value.slice(0, separator).toLowerCase();
  const rest = separator === -1 ? value : value.slice(separator + 3);

  switch (scheme) {
    case 'unix': {
      const socketPath = rest || DEFAULT_UNIX_SOCKET;
      return { target: { transport: 'unix', socketPath }, address: `unix://${socketPath}`, kind: 'unix', local: true };
    }
    case 'npipe': {
      const socketPath = rest || DEFAULT_NAMED_PIPE;
      return {
        target: { transport: 'npipe', socketPath },
        address: `npipe://${socketPath}`,
        kind: 'npipe',
        local: true,
      };
    }
    case 'tcp': {
      const url = parseUrl(`tcp://${rest}`, value, origin);
      const host = url.hostname || 'localhost';
      const port = url.port ? Number(url.port) : tls ? TLS_TCP_PORT : PLAIN_TCP_PORT;
      return {
        target: { transport: 'tcp', host: stripBrackets(host), port, tls },
        address: `tcp://${host}:${port}`,
        kind: 'tcp',
        local: LOOPBACK_HOSTS.has(host),
      };
    }
    case 'ssh': {
      const url = parseUrl(value, value, origin);
      if (!url.hostname) throw invalidHost(value, origin, 'the host name is missing');
      const port = url.port ? Number(url.port) : undefined;
      const username = url.username ? decodeURIComponent(url.username) : undefined;
      const userPart = username ? `${url.username}@` : '';
      // Berth's extension: a path names the engine's socket on the host, reached without a remote process.
      const remoteSocket = url.pathname && url.pathname !== '/' ? decodeURIComponent(url.pathname) : undefined;
      return {
        target: {
          transport: 'ssh',
          host: stripBrackets(url.hostname),
          ...(port !== undefined ? { port } : {}),
          ...(username !== undefined ? { username } : {}),
          ...(remoteSocket !== undefined ? { remoteSocket } : {}),
        },
        address: `ssh://${userPart}${url.hostname}${url.port ? `:${url.port}` : ''}${remoteSocket ?? ''}`,
        kind: 'ssh',
        local: false,
      };
    }
    default:
      throw invalidHost(value, origin, `"${scheme}://" is not a scheme Docker clients support (unix, npipe, tcp, ssh)`);
  }
}

function parseUrl(text: string, value: string, origin: HostOrigin): URL {
  try {
    return new URL(text);
  } catch {
    throw invalidHost(value, origin, 'it is not a valid address');
  }
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function invalidHost(value: string, origin: HostOrigin, why: string): BerthError {
  return new BerthError('E_ENGINE_UNREACHABLE', `${origin.label} "${value}" is invalid: ${why}.`, { fix: origin.fix });
}
