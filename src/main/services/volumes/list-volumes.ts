import type Docker from 'dockerode';
import type { BindMount, VolumeList, VolumeSize, VolumeSummary, VolumeUser } from '@shared/schemas/volumes';
import { COMPOSE_LABELS } from '../compose/labels';
import { HELPER_LABEL } from './helper-pool';

type ContainerInfo = Docker.ContainerInfo;

function containerName(container: ContainerInfo): string {
  return (container.Names[0] ?? container.Id.slice(0, 12)).replace(/^\//, '');
}

function userOf(container: ContainerInfo, destination: string, readOnly: boolean): VolumeUser {
  return {
    containerId: container.Id,
    containerName: containerName(container),
    project: container.Labels[COMPOSE_LABELS.project] ?? null,
    service: container.Labels[COMPOSE_LABELS.service] ?? null,
    state: container.State,
    destination,
    readOnly,
  };
}

/**
 * Every volume with the containers (running or stopped) that mount it, plus the bind mounts of those containers.
 * Berth's own helpers are left out, so browsing a volume never makes it look used.
 */
export async function listVolumes(docker: Docker): Promise<VolumeList> {
  const [volumesReply, containers] = await Promise.all([docker.listVolumes(), docker.listContainers({ all: true })]);
  const users = new Map<string, VolumeUser[]>();
  const bindMounts: BindMount[] = [];
  for (const container of containers) {
    if (container.Labels[HELPER_LABEL]) continue;
    for (const mount of container.Mounts ?? []) {
      const readOnly = mount.RW === false;
      if (mount.Type === 'volume' && mount.Name) {
        const list = users.get(mount.Name) ?? [];
        list.push(userOf(container, mount.Destination, readOnly));
        users.set(mount.Name, list);
      } else if (mount.Type === 'bind') {
        const { containerId, containerName: name, project, service } = userOf(container, mount.Destination, readOnly);
        bindMounts.push({
          containerId,
          containerName: name,
          project,
          service,
          source: mount.Source,
          destination: mount.Destination,
          readOnly,
        });
      }
    }
  }
  const volumes = (volumesReply.Volumes ?? []).map((volume): VolumeSummary => {
    const labels = volume.Labels ?? {};
    const usedBy = users.get(volume.Name) ?? [];
    return {
      name: volume.Name,
      driver: volume.Driver,
      mountpoint: volume.Mountpoint,
      createdAt: (volume as { CreatedAt?: string }).CreatedAt ?? null,
      scope: volume.Scope ?? 'local',
      labels,
      project: labels[COMPOSE_LABELS.project] ?? null,
      composeName: labels[COMPOSE_LABELS.volume] ?? null,
      usedBy,
      dangling: usedBy.length === 0,
    };
  });
  volumes.sort((a, b) => (a.project ?? '\uffff').localeCompare(b.project ?? '\uffff') || a.name.localeCompare(b.name));
  bindMounts.sort(
    (a, b) => a.containerName.localeCompare(b.containerName) || a.destination.localeCompare(b.destination),
  );
  return { volumes, bindMounts };
}

/** Volume sizes from the engine's disk-usage endpoint; slow on big hosts, so the UI asks for it separately. */
export async function volumeSizes(docker: Docker): Promise<VolumeSize[]> {
  const usage = (await docker.df()) as { Volumes?: Array<{ Name: string; UsageData?: { Size?: number } | null }> };
  return (usage.Volumes ?? []).map((volume) => {
    const size = volume.UsageData?.Size;
    return { name: volume.Name, sizeBytes: typeof size === 'number' && size >= 0 ? size : null };
  });
}
