/**
 * A container joins each network by the network's ID (the endpoint's NetworkID pins it), not by name: two networks
 * can share the project's network name, and the engine refuses an ambiguous name at create, connect and start.
 * HostConfig.NetworkMode keeps the name, as Compose writes it.
 */
import type Docker from 'dockerode';
import type { EndpointSettings } from '../spec/networking';
import type { ApplyContext } from './apply-context';

type PinnedEndpoint = EndpointSettings & { NetworkID?: string };

function pinned(endpoint: EndpointSettings, networkId: string | undefined): PinnedEndpoint {
  return networkId ? { ...endpoint, NetworkID: networkId } : endpoint;
}

export function withPinnedNetworks(
  create: Docker.ContainerCreateOptions,
  networkIds: ReadonlyMap<string, string>,
): Docker.ContainerCreateOptions {
  const endpoints = create.NetworkingConfig?.EndpointsConfig;
  if (!endpoints) return create;
  return {
    ...create,
    NetworkingConfig: {
      EndpointsConfig: Object.fromEntries(
        Object.entries(endpoints).map(([network, endpoint]) => [
          network,
          pinned(endpoint as EndpointSettings, networkIds.get(network)),
        ]),
      ),
    },
  };
}

/** Joins the networks after the first, in order (API 1.41 takes one endpoint per create). */
export async function connectLaterNetworks(
  context: ApplyContext,
  containerId: string,
  endpoints: [string, EndpointSettings][],
): Promise<void> {
  for (const [network, endpoint] of endpoints) {
    const networkId = context.networkIds.get(network);
    await context.docker
      .getNetwork(networkId ?? network)
      .connect({ Container: containerId, EndpointConfig: pinned(endpoint, networkId) });
  }
}
