/**
 * Where each image of the stack can come from, checked before deploying: this engine's image store and the image's
 * registry (`/distribution/{name}/json`, which also gives the digest `docker stack deploy --resolve-image` pins).
 * An image that only this engine has can't run on the other nodes of a multi-node swarm: that stops the deploy.
 */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { StackFinding } from './stack-findings';
import { swarmApi } from './swarm-client';

/** As `docker stack deploy --resolve-image`: always (default), changed, never. */
export type ResolveImageMode = 'always' | 'changed' | 'never';

/** The `X-Registry-Auth` header value for an image's registry, when there are credentials for it. */
export type RegistryAuthHeader = (image: string) => Promise<string | undefined>;

export interface ResolvedImage {
  image: string;
  /** This engine has it. */
  local: boolean;
  /** `name[:tag]@sha256:…` when the registry answered. */
  pinned?: string;
  platforms?: { Architecture?: string; OS?: string }[];
}

export interface ImageCheck {
  images: Map<string, ResolvedImage>;
  findings: StackFinding[];
}

export async function resolveImages(
  docker: Docker,
  usage: ReadonlyMap<string, string[]>,
  options: {
    queryRegistry: (image: string) => boolean;
    multiNode: boolean;
    /** Every node has the images already (loaded by hand on an air-gapped cluster): no registry needed. */
    preloaded?: boolean;
    registryAuth?: RegistryAuthHeader;
  },
): Promise<ImageCheck> {
  const images = new Map<string, ResolvedImage>();
  const findings: StackFinding[] = [];
  await Promise.all(
    [...usage.keys()].map(async (image) => {
      const [local, remote] = await Promise.all([
        swarmApi.inspectImage(docker, image).then(
          () => true,
          () => false,
        ),
        options.queryRegistry(image) || options.multiNode
          ? Promise.resolve(options.registryAuth?.(image))
              .then((auth) => swarmApi.distributionInspect(docker, image, auth))
              .catch(() => undefined)
          : Promise.resolve(undefined),
      ]);
      const resolved: ResolvedImage = { image, local };
      if (remote && options.queryRegistry(image)) {
        resolved.pinned = withDigest(image, remote.Descriptor.digest);
        if (remote.Platforms?.length)
          resolved.platforms = remote.Platforms.map((platform) => ({
            Architecture: platform.architecture?.toLowerCase() === 'arm' ? '' : platform.architecture,
            OS: platform.os,
          }));
      }
      images.set(image, resolved);
      const services = usage.get(image)!;
      if (!remote && local && options.multiNode && !options.preloaded) {
        throw new BerthError(
          'E_INVALID_INPUT',
          `Image ${image} of ${describeServices(services)} exists only on this engine; the other nodes of the swarm can't pull it.`,
          {
            fix: `Push ${image} to a registry every node can reach (docker tag + docker push) and use that name; or, if every node has loaded it, deploy with --images-preloaded.`,
            details: { image, services },
          },
        );
      }
      if (!remote && !local) {
        for (const service of services)
          findings.push({
            service,
            property: 'image',
            level: 'ignored',
            message: `${image} is neither on this engine nor found in a registry; its tasks will fail unless the nodes have it`,
          });
      }
    }),
  );
  return { images, findings };
}

function describeServices(services: string[]): string {
  return `service${services.length > 1 ? 's' : ''} ${services.map((service) => `"${service}"`).join(', ')}`;
}

/** The docker CLI's pinned form: the reference as written (short names stay short) plus `@digest`. */
export function withDigest(image: string, digest: string): string {
  if (image.includes('@')) return image;
  return `${image.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '')}@${digest}`;
}
