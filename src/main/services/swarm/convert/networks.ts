/** The stack's networks (overlay unless the file says otherwise) and each service's attachments to them. */
import { BerthError } from '@shared/errors';
import type { NetworkConfig } from '../../compose/model/resources';
import type { ComposeService } from '../../compose/model/service';
import type { NetworkAttachment, NetworkCreateSpec } from '../swarm-spec';
import { withStackLabel } from '../stack-labels';
import { stackResourceName, type StackContext } from './stack-context';

const DEFAULT_NETWORK = 'default';
const DEFAULT_DRIVER = 'overlay';
/** Networks every node has; they take no aliases. */
const PREDEFINED_NETWORKS = new Set(['bridge', 'host', 'none', 'default']);

/** A service with no `networks:` (e.g. one with `network_mode`) joins the stack's default network, as in Swarm. */
export function serviceNetworkKeys(service: ComposeService): string[] {
  const keys = Object.keys(service.networks ?? {});
  return keys.length ? keys : [DEFAULT_NETWORK];
}

function networkConfig(context: StackContext, key: string): NetworkConfig | undefined {
  return context.project.model.networks?.[key];
}

export function convertServiceNetworks(
  context: StackContext,
  serviceName: string,
  service: ComposeService,
): NetworkAttachment[] {
  const attachments = serviceNetworkKeys(service).map((key) => {
    const config = networkConfig(context, key);
    if (!config && key !== DEFAULT_NETWORK) {
      throw new BerthError('E_COMPOSE_INVALID', `Service "${serviceName}" uses the undefined network "${key}".`, {
        fix: 'Declare the network under the top-level `networks:`.',
        details: { service: serviceName },
      });
    }
    const target = stackResourceName(context, key, config);
    const settings = service.networks?.[key] ?? null;
    const aliases = [...(settings?.aliases ?? [])];
    if (!PREDEFINED_NETWORKS.has(target) && !target.startsWith('container:')) aliases.push(serviceName);
    return {
      Target: target,
      Aliases: aliases.length ? aliases : undefined,
      DriverOpts: settings?.driver_opts,
    };
  });
  return attachments.sort((a, b) => (a.Target < b.Target ? -1 : a.Target > b.Target ? 1 : 0));
}

export interface StackNetworks {
  create: NetworkCreateSpec[];
  /** Names of external networks the stack uses; they must exist, swarm-scoped. */
  external: string[];
}

export function convertStackNetworks(context: StackContext, services: Record<string, ComposeService>): StackNetworks {
  const used = new Set(Object.values(services).flatMap(serviceNetworkKeys));
  const create: NetworkCreateSpec[] = [];
  const external: string[] = [];
  for (const key of [...used].sort()) {
    const config = networkConfig(context, key) ?? {};
    const name = stackResourceName(context, key, config);
    if (config.external) {
      external.push(name);
      continue;
    }
    const ipamConfig = config.ipam?.config ?? [];
    create.push({
      Name: name,
      Driver: config.driver || DEFAULT_DRIVER,
      Labels: withStackLabel(context.stack, config.labels),
      Options: config.driver_opts,
      Internal: config.internal,
      Attachable: config.attachable,
      IPAM:
        config.ipam?.driver || ipamConfig.length
          ? { Driver: config.ipam?.driver, Config: ipamConfig.map((pool) => ({ Subnet: pool.subnet })) }
          : undefined,
    });
  }
  return { create, external };
}
