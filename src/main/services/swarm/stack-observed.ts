/** What the engine has now for a stack: its services, and every network, secret and config it could refer to. */
import type Docker from 'dockerode';
import { STACK_NAMESPACE_LABEL } from './stack-labels';
import { isNotFound, swarmApi, type EngineNetwork } from './swarm-client';
import type { SwarmFileObject, SwarmService } from './swarm-spec';

export interface ObservedStack {
  /** Every service of the swarm (a name clash with another stack's service must be caught). */
  services: SwarmService[];
  networks: EngineNetwork[];
  secrets: SwarmFileObject[];
  configs: SwarmFileObject[];
}

/**
 * `wantedNetworks`: the names the stack needs. A swarm network just removed can stay in the node's list for a
 * while after the swarm forgot it (its inspect says "not found"); such a network is not counted as existing.
 */
export async function observeSwarm(docker: Docker, wantedNetworks: readonly string[]): Promise<ObservedStack> {
  const [services, listed, secrets, configs] = await Promise.all([
    swarmApi.listServices(docker),
    swarmApi.listNetworks(docker),
    swarmApi.listFileObjects(docker, 'secrets'),
    swarmApi.listFileObjects(docker, 'configs'),
  ]);
  const lingering = await Promise.all(
    listed.map((network) =>
      wantedNetworks.includes(network.Name)
        ? swarmApi.inspectNetwork(docker, network.Id).then(
            () => false,
            (error: unknown) => isNotFound(error),
          )
        : false,
    ),
  );
  return { services, networks: listed.filter((_, index) => !lingering[index]), secrets, configs };
}

export function belongsTo(stack: string, labels: Record<string, string> | null | undefined): boolean {
  return labels?.[STACK_NAMESPACE_LABEL] === stack;
}
