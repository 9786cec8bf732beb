/**
 * Where a container's network comes from. With `network_mode` it shares one (host, none, container:…); otherwise
 * it joins the service's networks: the first (highest priority, then by name) at create time, the others by
 * `network connect` afterwards, since API 1.41 takes one endpoint per create. Every endpoint is reachable by the
 * container's name and the service's name, plus the declared aliases, as with Compose.
 */
import type { ComposeProject } from '../../model/project';
import { networkName } from '../naming';
import type { ComposeService, ServiceNetworkConfig } from '../../model/service';

export interface EndpointSettings {
  Aliases: string[];
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] };
  MacAddress?: string;
  DriverOpts?: Record<string, string>;
}

export interface ServiceNetworking {
  networkMode: string;
  /** Network name → endpoint; the first is the one given at create time. */
  endpoints: [string, EndpointSettings][];
}

export const DEFAULT_NETWORK = 'default';

/** The service's networks by key, sorted as Compose attaches them; empty when it uses `network_mode`. */
export function serviceNetworkKeys(config: ComposeService): string[] {
  if (config.network_mode) return [];
  const networks = config.networks ?? { [DEFAULT_NETWORK]: null };
  return Object.keys(networks).sort((a, b) => priority(networks[b]) - priority(networks[a]) || a.localeCompare(b));
}

function priority(config: ServiceNetworkConfig | null | undefined): number {
  return config?.priority ?? 0;
}

/** `resolvedNetworkMode` has `service:X` already replaced by `container:<id>`. */
export function serviceNetworking(
  project: ComposeProject,
  service: string,
  containerName: string,
  config: ComposeService,
  resolvedNetworkMode: string | undefined,
): ServiceNetworking {
  if (resolvedNetworkMode) return { networkMode: resolvedNetworkMode, endpoints: [] };
  const declared = project.model.networks ?? {};
  const endpoints = serviceNetworkKeys(config).map((key): [string, EndpointSettings] => {
    const settings = config.networks?.[key] ?? null;
    return [networkName(project.name, key, declared[key]), endpoint(containerName, service, settings)];
  });
  return { networkMode: endpoints[0]?.[0] ?? 'none', endpoints };
}

function endpoint(containerName: string, service: string, settings: ServiceNetworkConfig | null): EndpointSettings {
  const ipam = {
    ...(settings?.ipv4_address ? { IPv4Address: settings.ipv4_address } : {}),
    ...(settings?.ipv6_address ? { IPv6Address: settings.ipv6_address } : {}),
    ...(settings?.link_local_ips?.length ? { LinkLocalIPs: settings.link_local_ips } : {}),
  };
  return {
    Aliases: [containerName, service, ...(settings?.aliases ?? [])],
    ...(Object.keys(ipam).length ? { IPAMConfig: ipam } : {}),
    ...(settings?.mac_address ? { MacAddress: settings.mac_address } : {}),
    ...(settings?.driver_opts ? { DriverOpts: settings.driver_opts } : {}),
  };
}
