import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { OpenPortInput, OpenPortResult } from '@shared/schemas/engines';
import type { EngineScope } from './engine-scope';
import { portLinkRoute } from './port-links';

type PortEntry = Docker.ContainerInfo['Ports'][number];

/**
 * The URL that reaches a port a running container publishes on the engine's host: through an ssh tunnel opened on
 * demand (reused while it is open) for an ssh engine, directly otherwise. Only ports a running container publishes
 * are reached, never an arbitrary port of the host.
 */
export async function openPublishedPort(
  docker: Docker,
  scope: EngineScope,
  input: OpenPortInput,
): Promise<OpenPortResult> {
  const endpoint = scope.endpoint;
  if (!endpoint) throw new BerthError('E_ENGINE_UNREACHABLE', 'Not connected to an engine yet.');
  const route = portLinkRoute(endpoint);
  const hostName = route.kind === 'tunnel' ? route.hostLabel : route.host;
  const protocol = input.protocol ?? 'tcp';
  const { container, entry } = await findPublisher(docker, input.port, protocol, input.containerId, hostName);
  const path = input.path ?? '/';
  if (route.kind === 'direct') {
    const host = route.host === 'localhost' ? hostForBinding(entry.IP) : remoteHostForBinding(route.host, entry.IP);
    return { url: `http://${host}:${input.port}${path}`, mapping: null, via: 'direct' };
  }
  if (protocol !== 'tcp') {
    throw new BerthError('E_INVALID_INPUT', `Port ${input.port}/${protocol} can't go through an ssh tunnel.`, {
      fix: `ssh forwards tcp only: reach ${route.hostLabel}:${input.port}/${protocol} from a machine on its network.`,
    });
  }
  const tunnel = await scope
    .portTunnels()
    .forward({ containerId: container.Id, hostIp: entry.IP ?? '', hostPort: input.port });
  return { url: tunnel.url(path), mapping: tunnel.label, via: 'tunnel' };
}

async function findPublisher(
  docker: Docker,
  port: number,
  protocol: string,
  containerId: string | undefined,
  hostName: string,
): Promise<{ container: Docker.ContainerInfo; entry: PortEntry }> {
  const running = await docker.listContainers(containerId ? { filters: { id: [containerId] } } : {});
  const matches = running.flatMap((container) =>
    container.Ports.filter((entry) => entry.PublicPort === port && entry.Type === protocol).map((entry) => ({
      container,
      entry,
    })),
  );
  // Docker lists a port published on every address twice (0.0.0.0 and ::): the IPv4 one reaches both.
  const found = matches.find((match) => !match.entry.IP?.includes(':')) ?? matches[0];
  if (!found) {
    throw new BerthError(
      'E_NOT_FOUND',
      `No running container${containerId ? ` ${containerId.slice(0, 12)}` : ''} publishes port ${port}/${protocol} on ${hostName}.`,
      { fix: 'Start the service (or wait until it runs), then open its link again.' },
    );
  }
  return found;
}

function hostForBinding(hostIp: string | undefined): string {
  if (isEveryAddress(hostIp)) return 'localhost';
  return bracketed(hostIp!);
}

/**
 * A tcp engine's port as this machine reaches it: at the engine's host when published on every address (or on the
 * address the engine is reached at), at the address it is bound to otherwise; a port bound to the remote host's
 * loopback is not reachable from here at all.
 */
function remoteHostForBinding(engineHost: string, hostIp: string | undefined): string {
  if (isEveryAddress(hostIp) || hostIp === engineHost) return bracketed(engineHost);
  if (isLoopback(hostIp!)) {
    throw new BerthError(
      'E_INVALID_INPUT',
      `The port is published on ${hostIp} of ${engineHost}: only programs on that machine reach it.`,
      {
        fix: 'Publish it on every address of that host (a ports entry without "127.0.0.1:"), or reach the engine over ssh (ssh://…), where Berth tunnels to such ports.',
      },
    );
  }
  return bracketed(hostIp!);
}

function isEveryAddress(hostIp: string | undefined): boolean {
  return !hostIp || hostIp === '0.0.0.0' || hostIp === '::';
}

function isLoopback(hostIp: string): boolean {
  return hostIp === '::1' || hostIp.startsWith('127.');
}

function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
