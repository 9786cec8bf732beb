import { existsSync } from 'node:fs';
import type { Endpoint } from '@shared/schemas/engine';
import { berthStateDir } from '../compose/berth-overrides/state-dir';
import { DEFAULT_CONTEXT_NAME, listStoredContexts } from '../docker/context-store';
import { dockerConfigDir } from '../docker/docker-config';
import { parseDockerHost } from '../docker/docker-host';
import { DEFAULT_UNIX_SOCKET } from '../docker/engine-target';
import { resolveEndpoint, type ResolveEndpointOptions } from '../docker/resolve-endpoint';
import { readSavedEnginesSync, type SavedEngine } from '../docker/saved-engines';
import { wellKnownSockets } from '../docker/well-known-sockets';

/** One engine Berth can offer: from the docker CLI's contexts, the environment, a local socket, or added in Berth. */
export interface KnownEngine {
  /** What `berth --context NAME` takes, or a socket's product name (use it with `-H address`). */
  name: string;
  /** A docker host address: `ssh://…`, `tcp://…`, `unix://…`. */
  address: string;
  kind: Endpoint['kind'];
  origin: 'docker-context' | 'environment' | 'socket' | 'berth';
  /** e.g. `Docker Desktop socket`, the context's description, `DOCKER_HOST`. */
  detail: string;
  /** The engine Berth uses now (what `resolveEndpoint` picks). */
  current: boolean;
  /** Selectable by name (`--context NAME`, `berth engines use NAME`). */
  selectableByName: boolean;
  saved?: SavedEngine;
}

const SOCKET_LABELS: Record<string, string> = {
  'docker-desktop': 'Docker Desktop socket',
  colima: 'Colima socket',
  podman: 'Podman socket',
};

/**
 * The engines to offer in a switcher or `berth engines ls`: DOCKER_HOST (the "default" context when set), the
 * docker CLI's contexts, the local sockets that exist (Docker, Docker Desktop, Colima, Podman rootful and
 * rootless) and the engines added in Berth. Reads only files: nothing is dialed.
 */
export function listKnownEngines(options: ResolveEndpointOptions): KnownEngine[] {
  const { env, homeDir } = options;
  const fileExists = options.fileExists ?? existsSync;
  const stateDir = options.stateDir ?? berthStateDir(env, homeDir);
  let currentAddress: string | undefined;
  let currentName: string | undefined;
  try {
    const resolved = resolveEndpoint(options);
    currentAddress = resolved.endpoint.address;
    currentName = resolved.endpoint.context;
  } catch {
    // A broken current selection leaves nothing marked current; `berth engine` explains it.
  }
  const engines: KnownEngine[] = [];
  const add = (engine: Omit<KnownEngine, 'current'>) => {
    const current =
      currentName !== undefined
        ? engine.selectableByName && engine.name === currentName
        : engine.address === currentAddress;
    engines.push({ ...engine, current: current && !engines.some((known) => known.current) });
  };

  if (env.DOCKER_HOST) {
    add({
      name: DEFAULT_CONTEXT_NAME,
      address: normalize(env.DOCKER_HOST),
      kind: kindOf(env.DOCKER_HOST),
      origin: 'environment',
      detail: 'DOCKER_HOST',
      selectableByName: true,
    });
  }
  for (const context of listStoredContexts(dockerConfigDir(env, homeDir))) {
    add({
      name: context.name,
      address: normalize(context.host),
      kind: kindOf(context.host),
      origin: 'docker-context',
      detail: 'docker context',
      selectableByName: true,
    });
  }
  const sockets = [
    { path: DEFAULT_UNIX_SOCKET, label: 'Docker socket' },
    ...wellKnownSockets({ env, homeDir, uid: options.uid ?? process.getuid?.() }).map((socket) => ({
      path: socket.path,
      label: socket.path.startsWith('/run/podman')
        ? 'Podman socket (rootful)'
        : socket.source === 'podman'
          ? 'Podman socket (rootless)'
          : SOCKET_LABELS[socket.source]!,
    })),
  ];
  for (const socket of sockets) {
    if (!fileExists(socket.path)) continue;
    const address = `unix://${socket.path}`;
    if (engines.some((engine) => engine.address === address)) continue;
    add({
      name: socket.path === DEFAULT_UNIX_SOCKET && !env.DOCKER_HOST ? DEFAULT_CONTEXT_NAME : socket.label,
      address,
      kind: 'unix',
      origin: 'socket',
      detail: socket.label,
      selectableByName: socket.path === DEFAULT_UNIX_SOCKET && !env.DOCKER_HOST,
    });
  }
  for (const saved of readSavedEnginesSync(stateDir).engines) {
    add({
      name: saved.name,
      address: normalize(saved.host),
      kind: kindOf(saved.host),
      origin: 'berth',
      detail:
        saved.description ??
        (saved.tls ? `added in Berth, TLS${saved.tls.verify ? '' : ' (not verified)'}` : 'added in Berth'),
      selectableByName: true,
      saved,
    });
  }
  return engines;
}

function normalize(host: string): string {
  try {
    return parseDockerHost(host, null, { label: 'address', fix: '' }).address;
  } catch {
    return host;
  }
}

function kindOf(host: string): Endpoint['kind'] {
  try {
    return parseDockerHost(host, null, { label: 'address', fix: '' }).kind;
  } catch {
    return 'tcp';
  }
}
