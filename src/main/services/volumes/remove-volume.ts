import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { HelperPool } from './helper-pool';
import { listVolumes } from './list-volumes';

/**
 * Deletes a volume, only when `confirmName` repeats its name and no container (running or stopped) mounts it.
 * Never called as a side effect: the UI asks for the typed name after listing who uses the volume.
 */
export async function removeVolume(
  docker: Docker,
  helpers: HelperPool,
  name: string,
  confirmName: string,
): Promise<{ removed: string }> {
  if (confirmName !== name) {
    throw new BerthError(
      'E_INVALID_INPUT',
      `The volume "${name}" was not deleted: the confirmation does not match its name.`,
      {
        fix: `Type "${name}" exactly to confirm deleting it and everything in it.`,
      },
    );
  }
  const { volumes } = await listVolumes(docker);
  const volume = volumes.find((candidate) => candidate.name === name);
  if (!volume)
    throw new BerthError('E_NOT_FOUND', `There is no volume named "${name}".`, { fix: 'Refresh the volume list.' });
  if (volume.usedBy.length > 0) {
    const users = volume.usedBy.map((user) => `${user.containerName} (${user.state})`).join(', ');
    throw new BerthError('E_INVALID_INPUT', `The volume "${name}" is used by ${users}; it was not deleted.`, {
      fix: 'Remove those containers first (stopping them is not enough), then delete the volume.',
      details: { usedBy: volume.usedBy },
    });
  }
  await helpers.releaseVolume(name);
  await docker.getVolume(name).remove();
  return { removed: name };
}
