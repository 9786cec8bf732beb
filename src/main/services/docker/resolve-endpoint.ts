import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Endpoint } from '@shared/schemas/engine';
import { dockerConfigDir, readCurrentContext } from './docker-config';
import { parseDockerHost, type HostOrigin, type ParsedDockerHost } from './docker-host';
import { berthStateDir } from '../compose/berth-overrides/state-dir';
import { contextExists, DEFAULT_CONTEXT_NAME, readStoredContext } from './context-store';
import { DEFAULT_NAMED_PIPE, DEFAULT_UNIX_SOCKET, type ResolvedEndpoint, type TlsSettings } from './engine-target';
import { enginesFilePath, readSavedEnginesSync, type SavedEngine } from './saved-engines';
import { hasTlsMaterial, loadTlsFiles, loadTlsMaterial } from './tls-material';
import { wellKnownSockets } from './well-known-sockets';

export interface ResolveEndpointOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** Injected by tests; defaults to `fs.existsSync`. Only used to look for sockets. */
  fileExists?: (path: string) => boolean;
  platform?: NodeJS.Platform;
  /** For Podman's /run/user/<uid> socket; defaults to the current user. */
  uid?: number;
  /** Berth's state directory (saved engines, `berth engines use`); `berthStateDir(env, homeDir)` by default. */
  stateDir?: string;
}

/**
 * Finds the engine the docker CLI would talk to: `DOCKER_HOST`, else the `DOCKER_CONTEXT` context, else the engine
 * `berth engines use` picked, else the config's `currentContext`, else the platform's default socket. A name
 * (DOCKER_CONTEXT, `berth --context`) is a docker context, else an engine saved with `berth engines add`. When that default socket is absent, a running
 * Docker Desktop, Colima or Podman socket is used instead. Throws a BerthError naming the file for broken contexts.
 */
export function resolveEndpoint(options: ResolveEndpointOptions): ResolvedEndpoint {
  const { env, homeDir } = options;
  const configDir = dockerConfigDir(env, homeDir);

  return withSshEnvironment(resolveFromConfiguration(options, configDir), env, homeDir);
}

function resolveFromConfiguration(options: ResolveEndpointOptions, configDir: string): ResolvedEndpoint {
  const { env } = options;
  if (env.DOCKER_HOST) return fromDockerHost(env, configDir);

  const stateDir = options.stateDir ?? berthStateDir(env, options.homeDir);
  if (env.DOCKER_CONTEXT && env.DOCKER_CONTEXT !== DEFAULT_CONTEXT_NAME) {
    return fromName(configDir, stateDir, env.DOCKER_CONTEXT, 'DOCKER_CONTEXT', 'DOCKER_CONTEXT');
  }
  if (!env.DOCKER_CONTEXT) {
    const chosen = readSavedEnginesSync(stateDir).current;
    if (chosen && chosen !== DEFAULT_CONTEXT_NAME) {
      return fromName(
        configDir,
        stateDir,
        chosen,
        'context',
        `"current" in ${enginesFilePath(stateDir)} (berth engines use)`,
      );
    }
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

/** A docker context of that name, else a saved Berth engine, else the docker CLI's error for a missing context. */
function fromName(
  configDir: string,
  stateDir: string,
  name: string,
  source: Extract<Endpoint['source'], 'DOCKER_CONTEXT' | 'context'>,
  selectedBy: string,
): ResolvedEndpoint {
  if (!contextExists(configDir, name)) {
    const saved = readSavedEnginesSync(stateDir).engines.find((engine) => engine.name === name);
    if (saved) return fromSavedEngine(saved, source, stateDir);
  }
  return fromContext(configDir, name, source, selectedBy);
}

/** How to reach a saved engine that is not saved yet (the add-engine flow tests it first). */
export function resolveSavedEngine(
  engine: SavedEngine,
  options: Pick<ResolveEndpointOptions, 'env' | 'homeDir' | 'stateDir'>,
): ResolvedEndpoint {
  const stateDir = options.stateDir ?? berthStateDir(options.env, options.homeDir);
  return withSshEnvironment(fromSavedEngine(engine, 'context', stateDir), options.env, options.homeDir);
}

/** An ssh engine reads `~/.ssh` of `homeDir` and authenticates with the agent of SSH_AUTH_SOCK. */
function withSshEnvironment(resolved: ResolvedEndpoint, env: NodeJS.ProcessEnv, homeDir: string): ResolvedEndpoint {
  if (resolved.target.transport !== 'ssh') return resolved;
  return {
    ...resolved,
    target: { ...resolved.target, homeDir, ...(env.SSH_AUTH_SOCK ? { agent: env.SSH_AUTH_SOCK } : {}) },
  };
}

/** How to reach a saved engine (its TLS files read now); `source` says what selected it. */
function fromSavedEngine(
  engine: SavedEngine,
  source: Extract<Endpoint['source'], 'DOCKER_CONTEXT' | 'context'>,
  stateDir: string,
): ResolvedEndpoint {
  const fix = `Fix the files of engine "${engine.name}" with \`berth engines add ${engine.name} ${engine.host} --ca … --cert … --key …\`.`;
  const tls: TlsSettings | null =
    engine.tls && isTcpHost(engine.host) ? { verify: engine.tls.verify, ...loadTlsFiles(engine.tls, fix) } : null;
  const origin: HostOrigin = {
    label: `The address of engine "${engine.name}" in ${enginesFilePath(stateDir)}`,
    fix: `Save it again with \`berth engines add ${engine.name} <address>\`.`,
  };
  const parsed = parseDockerHost(engine.host, tls, origin);
  return { endpoint: { ...toEndpoint(parsed, source, tls !== null), context: engine.name }, target: parsed.target };
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
