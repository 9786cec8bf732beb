/** Names of the engine objects of a project, exactly as Compose v2 spells them. */
import type { NetworkConfig, VolumeConfig } from '../model/resources';
import type { ComposeService } from '../model/service';

/** The Compose version Berth's labels claim: the engine behaves as Compose 2.26 does, and writes what it writes. */
export const COMPOSE_COMPAT_VERSION = '2.26.1';

/** Compose separates project, service and number with dashes (v2; v1 used underscores). */
export function containerName(project: string, service: string, number: number, config?: ComposeService): string {
  return config?.container_name ?? `${project}-${service}-${number}`;
}

/** `<project>_<key>` unless the file names the network (`name:`), which the loader has already filled in. */
export function networkName(project: string, key: string, config: NetworkConfig | undefined): string {
  return config?.name ?? `${project}_${key}`;
}

export function volumeName(project: string, key: string, config: VolumeConfig | undefined): string {
  return config?.name ?? `${project}_${key}`;
}

/** The name Compose renames a container to while its replacement is created. */
export function replacedContainerName(id: string, name: string): string {
  return `${id.slice(0, 12)}_${name}`;
}

/** The image Compose builds for a service without `image:`. */
export function defaultImageName(project: string, service: string): string {
  return `${project}-${service}`;
}

export function imageOf(project: string, service: string, config: ComposeService): string {
  return config.image ?? defaultImageName(project, service);
}

/** How many containers a service runs: `scale`, else `deploy.replicas`, else one. */
export function replicasOf(config: ComposeService): number {
  return config.scale ?? config.deploy?.replicas ?? 1;
}
