import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import { BERTH_LABELS } from '../berth-labels';

/** The image Berth prefers for helper containers: tiny, with a shell, find, stat and tar. */
export const DEFAULT_HELPER_IMAGE = 'busybox:latest';

/** How many local images are tried, smallest first, when the preferred one is missing. */
const MAX_CANDIDATES = 5;

export interface HelperImageOptions {
  /** An image the user configured (BERTH_HELPER_IMAGE); pulled when missing, never replaced by another. */
  configured?: string;
  /** Called before a pull, so the UI can say why the first browse takes a while. */
  onPull?: (image: string) => void;
}

/**
 * Picks the image helper containers run, deterministically: the configured one, else `busybox:latest` when
 * present, else the smallest local images that have /bin/sh (checked on a created, never started, container),
 * else `busybox:latest` pulled once. Fails with what to do when nothing works (no internet, no image).
 */
export async function pickHelperImage(docker: Docker, options: HelperImageOptions = {}): Promise<string> {
  if (options.configured) {
    if (!(await imageExists(docker, options.configured))) await pullImage(docker, options.configured, options);
    return options.configured;
  }
  if (await imageExists(docker, DEFAULT_HELPER_IMAGE)) return DEFAULT_HELPER_IMAGE;
  for (const candidate of await localCandidates(docker)) {
    if (await hasShell(docker, candidate)) return candidate;
  }
  await pullImage(docker, DEFAULT_HELPER_IMAGE, options);
  return DEFAULT_HELPER_IMAGE;
}

async function imageExists(docker: Docker, image: string): Promise<boolean> {
  try {
    await docker.getImage(image).inspect();
    return true;
  } catch {
    return false;
  }
}

async function localCandidates(docker: Docker): Promise<string[]> {
  const images = await docker.listImages();
  return images
    .flatMap((image) =>
      (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>').map((tag) => ({ tag, size: image.Size })),
    )
    .sort((a, b) => a.size - b.size || a.tag.localeCompare(b.tag))
    .slice(0, MAX_CANDIDATES)
    .map(({ tag }) => tag);
}

async function hasShell(docker: Docker, image: string): Promise<boolean> {
  let container: Docker.Container | null = null;
  try {
    container = await docker.createContainer({ Image: image, Entrypoint: ['/bin/sh'], Labels: HELPER_PROBE_LABELS });
    const stat = await container.infoArchive({ path: '/bin/sh' });
    return Boolean(stat);
  } catch {
    return false;
  } finally {
    await container?.remove({ force: true }).catch(() => {});
  }
}

const HELPER_PROBE_LABELS = { [BERTH_LABELS.helper]: 'probe' };

async function pullImage(docker: Docker, image: string, options: HelperImageOptions): Promise<void> {
  options.onPull?.(image);
  try {
    const stream = await docker.pull(image);
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve())),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BerthError(
      'E_ENGINE_ERROR',
      `Browsing volumes needs a small image with a shell, and ${image} is not on this engine: pulling it failed (${reason.trim().slice(0, 300)}).`,
      {
        fix: `Connect the engine to the internet once and run "docker pull ${image}", or load any image that has /bin/sh and set BERTH_HELPER_IMAGE to its name.`,
        cause: error,
      },
    );
  }
}
