import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Endpoint } from '@shared/schemas/engine';
import { dockerConfigDir, readCurrentContext } from './docker-config';
import { parseDockerHost, type HostOrigin, type ParsedDockerHost } from './docker-host';
import { DEFAULT_CONTEXT_NAME, readStoredContext } from './context-store';
import { DEFAULT_NAMED_PIPE, DEFAULT_UNIX_SOCKET, type ResolvedEndpoint, type TlsSettings } from './engine-target';
import { hasTlsMaterial, loadTlsMaterial } from './tls-material';
import { wellKnownSockets } from './well-known-sockets';

export interface ResolveEndpointOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** Injected by tests; defaults to `fs.existsSync`. Only used to look for sockets. */
  fileExists?: (path: string) => boolean;
  platform?: NodeJS.Platform;
  /** For Podman's /run/user/<uid> socket; defaults to the current user. */
  uid?: number;
}

/**
 * Finds the engine the docker CLI would talk to: `DOCKER_HOST`, else the `DOCKER_CONTEXT` context, else the
 * config's `currentContext`, else the platform's default socket. When that default socket is absent, a running
 * Docker Desktop, Colima or Podman socket is used instead. Throws a BerthError naming the file for broken contexts.
 */
export function resolveEndpoint(options: ResolveEndpointOptions): ResolvedEndpoint {
  const { env, homeDir } = options;
  const configDir = dockerConfigDir(env, homeDir);

  const resolved = resolveFromConfiguration(options, configDir);
  if (resolved.target.transport === 'ssh' && env.SSH_AUTH_SOCK) {
    resolved.target = { ...resolved.target, agent: env.SSH_AUTH_SOCK };
  }
  return resolved;
}

function resolveFromConfiguration(options: ResolveEndpointOptions, configDir: string): ResolvedEndpoint {
  const { env } = options;
  if (env.DOCKER_HOST) return fromDockerHost(env, configDir);

  if (env.DOCKER_CONTEXT && env.DOCKER_CONTEXT !== DEFAULT_CONTEXT_NAME) {
    return fromContext(configDir, env.DOCKER_CONTEXT, 'DOCKER_CONTEXT', 'DOCKER_CONTEXT');
  }
  if (!env.DOCKER_CONTEXT) {
    const current = readCurrentContext(configDir);
    if (current && current !== DEFAULT_CONTEXT_NAME) {
      return fromContext(configDir, current, 'context', `"currentContext" in ${join(configDir, 'config.json')}`);
    }
  }
  return defaultEndpoint(options);
}

function fromDockerHost(env: NodeJS.ProcessEnv, configDir: string): ResolvedEndpoint {
  const host = env.DOCKER_HOST!;
  // As in the docker CLI: any non-empty DOCKER_TLS_VERIFY verifies; DOCKER_TLS alone encrypts without verifying.
  const verify = Boolean(env.DOCKER_TLS_VERIFY);
  const useTls = verify || Boolean(env.DOCKER_TLS);
  const origin: HostOrigin = {
    label: 'DOCKER_HOST',
    fix: 'Set DOCKER_HOST to an address such as unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host, or unset it.',
  };
  let tls: TlsSettings | null = null;
  if (useTls && isTcpHost(host)) {
    const certDir = env.DOCKER_CERT_PATH || configDir;
    const fix = `Put ca.pem, cert.pem and key.pem in ${certDir} (set DOCKER_CERT_PATH to change it), or unset DOCKER_TLS_VERIFY.`;
    tls = { verify, ...loadTlsMaterial(certDir, { requireCa: verify, fix }) };
  }
  const parsed = parseDockerHost(host, tls, origin);
  return {
    endpoint: toEndpoint(parsed, 'DOCKER_HOST', tls !== null),
    target: parsed.target,
  };
}

function fromContext(
  configDir: string,
  name: string,
  source: Extract<Endpoint['source'], 'DOCKER_CONTEXT' | 'context'>,
  selectedBy: string,
): ResolvedEndpoint {
  const context = readStoredContext(configDir, name, selectedBy);
  const fix = `Recreate the context's TLS files with "docker context update ${name} --docker ca=...,cert=...,key=...".`;
  const material = loadTlsMaterial(context.tlsDir, { requireCa: false, fix });
  // As in the docker CLI: TLS when the context has TLS files, or when it says to skip verification.
  const tls: TlsSettings | null =
    isTcpHost(context.host) && (hasTlsMaterial(material) || context.skipTlsVerify)
      ? { verify: !context.skipTlsVerify, ...material }
      : null;
  const origin: HostOrigin = {
    label: `Endpoints.docker.Host in ${context.metaPath}`,
    fix: `Fix it with "docker context update ${name} --docker host=<address>", or run "docker context use default".`,
  };
  const parsed = parseDockerHost(context.host, tls, origin);
  return { endpoint: { ...toEndpoint(parsed, source, tls !== null), context: name }, target: parsed.target };
}

function defaultEndpoint(options: ResolveEndpointOptions): ResolvedEndpoint {
  const platform = options.platform ?? process.platform;
  if (platform === 'win32') {
    return {
      endpoint: { kind: 'npipe', address: `npipe://${DEFAULT_NAMED_PIPE}`, source: 'default', tls: false, local: true },
      target: { transport: 'npipe', socketPath: DEFAULT_NAMED_PIPE },
    };
  }
  const fileExists = options.fileExists ?? existsSync;
  const fallback = fileExists(DEFAULT_UNIX_SOCKET)
    ? undefined
    : wellKnownSockets({ env: options.env, homeDir: options.homeDir, uid: options.uid ?? process.getuid?.() }).find(
        (socket) => fileExists(socket.path),
      );
  const socketPath = fallback?.path ?? DEFAULT_UNIX_SOCKET;
  return {
    endpoint: {
      kind: 'unix',
      address: `unix://${socketPath}`,
      source: fallback?.source ?? 'default',
      tls: false,
      local: true,
    },
    target: { transport: 'unix', socketPath },
  };
}

function toEndpoint(parsed: ParsedDockerHost, source: Endpoint['source'], tls: boolean): Endpoint {
  return { kind: parsed.kind, address: parsed.address, source, tls, local: parsed.local };
}

function isTcpHost(host: string): boolean {
  return !host.includes('://') || host.toLowerCase().startsWith('tcp://');
}
