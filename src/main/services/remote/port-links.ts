import type { Endpoint } from '@shared/schemas/engine';

/**
 * Where a port published on the engine's host is reached from this machine: directly (`localhost` for a local
 * engine, the engine's host for tcp) or through an ssh tunnel (`PortTunnels`), and how the link names its host.
 */
export type PortLinkRoute = { kind: 'direct'; host: string } | { kind: 'tunnel'; hostLabel: string };

export function portLinkRoute(endpoint: Pick<Endpoint, 'kind' | 'address' | 'local'>): PortLinkRoute {
  // The host as the address names it (`ssh://ada@gpu-box:2222` → `gpu-box`, an ~/.ssh/config alias included).
  const host = hostOf(endpoint.address);
  if (endpoint.kind === 'ssh') return { kind: 'tunnel', hostLabel: host ?? 'the engine host' };
  if (endpoint.kind === 'tcp' && !endpoint.local && host) return { kind: 'direct', host };
  return { kind: 'direct', host: 'localhost' };
}

function hostOf(address: string): string | null {
  try {
    return new URL(address).hostname || null;
  } catch {
    return null;
  }
}
