/**
 * Service volumes, tmpfs, secrets and configs → `HostConfig.Binds` and `HostConfig.Mounts`, as Compose 2.26 sends
 * them: binds that may create their host path go to `Binds` (the engine creates a missing directory there, which
 * the Mounts API refuses), everything else to `Mounts`; file secrets and configs are read-only bind mounts.
 */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { ComposeProject } from '../../model/project';
import { volumeName } from '../naming';
import type { ComposeService, FileReferenceConfig, ServiceVolumeConfig } from '../../model/service';
import { bytes } from './units';

type MountSettings = NonNullable<NonNullable<Docker.ContainerCreateOptions['HostConfig']>['Mounts']>[number];

export interface ContainerMounts {
  binds: string[];
  mounts: MountSettings[];
}

const SECRETS_DIR = '/run/secrets/';

/** `previousAnonymousVolumes`: target → volume name of the container being replaced, so its data carries over. */
export function containerMounts(
  project: ComposeProject,
  config: ComposeService,
  previousAnonymousVolumes: Map<string, string> = new Map(),
): ContainerMounts {
  const binds: string[] = [];
  const mounts: MountSettings[] = [];
  for (const volume of config.volumes ?? []) {
    if (isHostPathBind(volume)) binds.push(bindSpec(volume));
    else mounts.push(volumeMount(project, volume, previousAnonymousVolumes));
  }
  for (const secret of config.secrets ?? []) mounts.push(fileMount(project, 'secrets', secret));
  for (const configFile of config.configs ?? []) mounts.push(fileMount(project, 'configs', configFile));
  return { binds, mounts };
}

function isHostPathBind(volume: ServiceVolumeConfig): boolean {
  return volume.type === 'bind' && volume.bind?.create_host_path === true;
}

function bindSpec(volume: ServiceVolumeConfig): string {
  const options = [volume.read_only ? 'ro' : 'rw'];
  if (volume.bind?.selinux) options.push(volume.bind.selinux);
  if (volume.bind?.propagation) options.push(volume.bind.propagation);
  return `${volume.source}:${volume.target}:${options.join(',')}`;
}

function volumeMount(
  project: ComposeProject,
  volume: ServiceVolumeConfig,
  previous: Map<string, string>,
): MountSettings {
  const base = { Target: volume.target, ...(volume.read_only ? { ReadOnly: true } : {}) };
  switch (volume.type) {
    case 'bind':
      return {
        ...base,
        Type: 'bind',
        Source: volume.source ?? '',
        ...(volume.bind?.propagation ? { BindOptions: { Propagation: volume.bind.propagation as 'rprivate' } } : {}),
      };
    case 'tmpfs': {
      const size = bytes(volume.tmpfs?.size);
      return {
        ...base,
        Type: 'tmpfs',
        TmpfsOptions: {
          ...(size ? { SizeBytes: size } : {}),
          ...(volume.tmpfs?.mode ? { Mode: volume.tmpfs.mode } : {}),
        },
      } as MountSettings;
    }
    case 'volume': {
      const declared = volume.source ? (project.model.volumes ?? {})[volume.source] : undefined;
      const source = volume.source ? volumeName(project.name, volume.source, declared) : previous.get(volume.target);
      return {
        ...base,
        Type: 'volume',
        ...(source ? { Source: source } : {}),
        VolumeOptions: volume.volume?.nocopy ? { NoCopy: true } : {},
      } as MountSettings;
    }
    default:
      throw new BerthError(
        'E_COMPOSE_INVALID',
        `volume type "${volume.type}" (target ${volume.target}) is not supported by Berth.`,
        {
          fix: 'Use a bind, volume or tmpfs mount.',
        },
      );
  }
}

function fileMount(
  project: ComposeProject,
  kind: 'secrets' | 'configs',
  reference: FileReferenceConfig,
): MountSettings {
  const declared = (project.model[kind] ?? {})[reference.source];
  if (!declared?.file) {
    const what = kind === 'secrets' ? 'secret' : 'config';
    throw new BerthError(
      'E_COMPOSE_INVALID',
      `${what} "${reference.source}" is not backed by a file; Berth supports file ${kind} only.`,
      {
        fix: `Declare ${kind}.${reference.source}.file in the Compose file.`,
      },
    );
  }
  return { Type: 'bind', Source: declared.file, Target: fileTarget(kind, reference), ReadOnly: true };
}

function fileTarget(kind: 'secrets' | 'configs', reference: FileReferenceConfig): string {
  const target = reference.target ?? reference.source;
  if (target.startsWith('/')) return target;
  return kind === 'secrets' ? `${SECRETS_DIR}${target}` : `/${target}`;
}
