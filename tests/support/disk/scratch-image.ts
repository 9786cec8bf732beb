/**
 * Throwaway images of their own (never a second tag of a shared test image: removing that would take the shared
 * image's tags with it): a container of the test image writes random bytes, and is committed under `repo:tag`.
 */
import type Docker from 'dockerode';
import { TEST_IMAGE } from '../require-engine';

export interface ScratchImage {
  id: string;
  ref: string;
}

export async function createScratchImage(
  docker: Docker,
  options: { repo: string; tag?: string; bytes?: number; labels?: Record<string, string>; base?: string },
): Promise<ScratchImage> {
  const tag = options.tag ?? '1';
  const container = await docker.createContainer({
    Image: options.base ?? TEST_IMAGE,
    Cmd: ['sh', '-c', `head -c ${options.bytes ?? 1_000_000} /dev/urandom > /blob`],
  });
  try {
    await container.start();
    await container.wait();
    const { Id } = (await container.commit({
      repo: options.repo,
      tag,
      changes: Object.entries(options.labels ?? {}).map(([key, value]) => `LABEL ${key}=${value}`),
    })) as { Id: string };
    return { id: Id, ref: `${options.repo}:${tag}` };
  } finally {
    await container.remove({ force: true }).catch(() => {});
  }
}

/** Removes what a test made, by id, whatever tags it has now; gone already is fine. */
export async function removeScratchImages(docker: Docker, ids: string[]): Promise<void> {
  for (const id of ids)
    await docker
      .getImage(id)
      .remove({ force: true })
      .catch(() => {});
}
