import type { Endpoint } from '@shared/schemas/engine';
import type { EngineTarget } from '../docker/engine-target';

/**
 * Where a port published on the engine's host is reached from this machine: directly (`localhost` for a local
 * engine, the engine's host for tcp) or through an ssh tunnel (`PortTunnels`), and how the link names its host.
 */
export type PortLinkRoute = { kind: 'direct'; host: string } | { kind: 'tunnel'; hostLabel: string };

export function portLinkRoute(endpoint: Endpoint, target: EngineTarget): PortLinkRoute {
  if (target.transport === 'ssh') return { kind: 'tunnel', hostLabel: target.host };
  if (target.transport === 'tcp' && !endpoint.local) return { kind: 'direct', host: target.host };
  return { kind: 'direct', host: 'localhost' };
}
