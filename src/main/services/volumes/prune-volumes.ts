import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import { pruneConfirmation } from '@shared/schemas/volumes';
import type { HelperPool } from './helper-pool';
import { listVolumes } from './list-volumes';

export interface PruneResult {
  removed: string[];
  skipped: Array<{ name: string; reason: string }>;
}

/**
 * Deletes the dangling volumes the user saw and confirmed, by name: unlike the engine's prune, a volume that
 * appeared (or started being used) after the list was shown is never deleted.
 */
export async function pruneVolumes(
  docker: Docker,
  helpers: HelperPool,
  names: string[],
  confirmText: string,
): Promise<PruneResult> {
  if (confirmText !== pruneConfirmation(names.length)) {
    throw new BerthError('E_INVALID_INPUT', 'No volume was deleted: the confirmation does not match.', {
      fix: `Type "${pruneConfirmation(names.length)}" exactly to confirm.`,
    });
  }
  const { volumes } = await listVolumes(docker);
  const result: PruneResult = { removed: [], skipped: [] };
  for (const name of names) {
    const volume = volumes.find((candidate) => candidate.name === name);
    if (!volume) {
      result.skipped.push({ name, reason: 'it no longer exists' });
    } else if (!volume.dangling) {
      result.skipped.push({
        name,
        reason: `it is used by ${volume.usedBy.map((user) => user.containerName).join(', ')}`,
      });
    } else {
      try {
        await helpers.releaseVolume(name);
        await docker.getVolume(name).remove();
        result.removed.push(name);
      } catch (error) {
        result.skipped.push({ name, reason: (error as Error).message });
      }
    }
  }
  return result;
}
