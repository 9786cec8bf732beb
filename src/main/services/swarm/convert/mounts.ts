/** A service's `volumes:` as Swarm mounts, named volumes scoped to the stack as `docker stack deploy` does. */
import { bytes } from '../../compose/engine/spec/units';
import type { ServiceVolumeConfig } from '../../compose/model/service';
import type { MountSpec } from '../swarm-spec';
import { withStackLabel } from '../stack-labels';
import { stackResourceName, type StackContext } from './stack-context';

export function convertMounts(
  context: StackContext,
  volumes: ServiceVolumeConfig[] | undefined,
): MountSpec[] | undefined {
  if (!volumes?.length) return undefined;
  return volumes.map((volume) => convertMount(context, volume));
}

function convertMount(context: StackContext, volume: ServiceVolumeConfig): MountSpec {
  const base: MountSpec = {
    Type: volume.type,
    Source: volume.source,
    Target: volume.target,
    ReadOnly: volume.read_only,
    Consistency: volume.consistency,
  };
  switch (volume.type) {
    case 'bind':
      return { ...base, BindOptions: volume.bind?.propagation ? { Propagation: volume.bind.propagation } : undefined };
    case 'tmpfs':
      return { ...base, TmpfsOptions: volume.tmpfs?.size ? { SizeBytes: bytes(volume.tmpfs.size) } : undefined };
    case 'volume':
      return namedVolumeMount(context, volume, base);
    default:
      return base;
  }
}

function namedVolumeMount(context: StackContext, volume: ServiceVolumeConfig, base: MountSpec): MountSpec {
  if (!volume.source) return base;
  const config = context.project.model.volumes?.[volume.source];
  const source = stackResourceName(context, volume.source, config);
  const noCopy = volume.volume?.nocopy;
  if (config?.external) return { ...base, Source: source, VolumeOptions: { NoCopy: noCopy } };
  const driver =
    config?.driver || config?.driver_opts ? { Name: config.driver, Options: config.driver_opts } : undefined;
  return {
    ...base,
    Source: source,
    VolumeOptions: { NoCopy: noCopy, Labels: withStackLabel(context.stack, config?.labels), DriverConfig: driver },
  };
}
