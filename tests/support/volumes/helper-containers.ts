import type Docker from 'dockerode';
import { HELPER_LABEL } from '../../../src/main/services/volumes/helper-pool';

/** The running helper containers Berth started for one volume. */
export async function helpersOf(docker: Docker, volume: string): Promise<string[]> {
  const helpers = await docker.listContainers({ filters: { volume: [volume], label: [HELPER_LABEL] } });
  return helpers.map((helper) => helper.Id);
}

/** `docker rm -f` of every helper of a volume, as a user (or a crash) might do. */
export async function removeHelpers(docker: Docker, volume: string): Promise<number> {
  const ids = await helpersOf(docker, volume);
  await Promise.all(ids.map((id) => docker.getContainer(id).remove({ force: true })));
  return ids.length;
}

/** Resolves once `condition` holds, checking every 50 ms; rejects after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
