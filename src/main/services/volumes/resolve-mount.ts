import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { BrowseTarget } from '@shared/schemas/volumes';
import type { MountSource } from './helper-pool';

/** What the helper must mount for a browse target: the volume itself, or the host directory behind a bind mount. */
export async function resolveMountSource(docker: Docker, target: BrowseTarget): Promise<MountSource> {
  if (target.kind === 'volume') {
    try {
      await docker.getVolume(target.volume).inspect();
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      throw new BerthError('E_NOT_FOUND', `There is no volume named "${target.volume}".`, {
        fix: 'It may have been removed; refresh the volume list.',
      });
    }
    return { kind: 'volume', name: target.volume };
  }
  let info: Docker.ContainerInspectInfo;
  try {
    info = await docker.getContainer(target.containerId).inspect();
  } catch {
    throw new BerthError('E_NOT_FOUND', 'The container of this bind mount no longer exists.', {
      fix: 'Refresh the volume list.',
    });
  }
  const mount = info.Mounts.find(
    (candidate) => candidate.Type === 'bind' && candidate.Destination === target.destination,
  );
  if (!mount) {
    throw new BerthError('E_NOT_FOUND', `The container has no bind mount at ${target.destination}.`, {
      fix: 'Refresh the volume list.',
    });
  }
  return { kind: 'bind', hostPath: mount.Source };
}

/** A key that names the same directory tree for caching. */
export function targetKey(target: BrowseTarget): string {
  return target.kind === 'volume' ? `volume:${target.volume}` : `bind:${target.containerId}:${target.destination}`;
}
