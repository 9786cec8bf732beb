import type Docker from 'dockerode';

/** What Berth pulls, with the user's consent, when no local image has glibc and a shell (about 30 MB). */
export const DEFAULT_GPU_HELPER_IMAGE = 'debian:bookworm-slim';

/** Repositories known to be glibc-based with /bin/sh; the NVIDIA runtime's nvidia-smi runs in any of them. */
const GLIBC_REPOSITORIES = [
  /(^|\/)berth-test-glibc$/,
  /(^|\/)debian$/,
  /(^|\/)ubuntu$/,
  /(^|\/)nvidia\/cuda$/,
  /(^|\/)python$/,
  /(^|\/)pytorch\/pytorch$/,
  /(^|\/)tensorflow\/tensorflow$/,
  /(^|\/)jupyter\/[a-z-]+-notebook$/,
  /(^|\/)quay\.io\/jupyter\/[a-z-]+-notebook$/,
];

export type GpuHelperImageChoice =
  | { kind: 'local'; image: string }
  /** Nothing suitable is there: ask the user before pulling `image`. */
  | { kind: 'needs-pull'; image: string };

/**
 * A local image the GPU helper can run: `BERTH_GPU_HELPER_IMAGE` when set, else the smallest local image of a known
 * glibc family (Alpine and busybox images can't run the injected nvidia-smi), else a pull to ask consent for.
 */
export async function chooseGpuHelperImage(docker: Docker, env: NodeJS.ProcessEnv): Promise<GpuHelperImageChoice> {
  if (env.BERTH_GPU_HELPER_IMAGE) return { kind: 'local', image: env.BERTH_GPU_HELPER_IMAGE };
  const images = await docker.listImages();
  const candidates = images
    .flatMap((image) => (image.RepoTags ?? []).map((tag) => ({ tag, size: image.Size })))
    .filter(({ tag }) => !tag.endsWith(':<none>') && !/alpine|slim-alpine/i.test(tag))
    .filter(({ tag }) => GLIBC_REPOSITORIES.some((pattern) => pattern.test(tag.slice(0, tag.lastIndexOf(':')))))
    .sort((a, b) => a.size - b.size);
  return candidates[0]
    ? { kind: 'local', image: candidates[0].tag }
    : { kind: 'needs-pull', image: DEFAULT_GPU_HELPER_IMAGE };
}
