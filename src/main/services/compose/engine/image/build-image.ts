/**
 * `build:` through the Engine API's classic builder: a tar of the context (without what .dockerignore excludes),
 * the Dockerfile, args, target and labels; the build log streams out line by line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ignore from '@balena/dockerignore';
import type Docker from 'dockerode';
import { pack } from 'tar-fs';
import { BerthError } from '@shared/errors';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';
import type { BuildConfig } from '../service-config';

export interface BuildOptions {
  service: string;
  emit: (event: ComposeProgressEvent) => void;
  signal?: AbortSignal;
}

interface BuildMessage {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

export function contextTar(contextDir: string, dockerfile: string): NodeJS.ReadableStream {
  const ignoreFile = join(contextDir, '.dockerignore');
  const rules = existsSync(ignoreFile) ? readFileSync(ignoreFile, 'utf8').split(/\r?\n/) : [];
  const matcher = ignore().add(rules);
  // The builder needs the Dockerfile and .dockerignore even when the rules exclude them.
  const keep = new Set([dockerfile, '.dockerignore']);
  return pack(contextDir, {
    ignore: (name) => {
      const path = relative(contextDir, name);
      return path !== '' && !keep.has(path) && matcher.ignores(path);
    },
  });
}

/** Builds `image` from the service's build section; resolves with the image ID. */
export async function buildImage(
  docker: Docker,
  image: string,
  build: BuildConfig,
  options: BuildOptions,
): Promise<string> {
  const { service, emit } = options;
  const contextDir = resolve(build.context ?? '.');
  const dockerfile = build.dockerfile ?? 'Dockerfile';
  if (build.dockerfile_inline) {
    throw new BerthError(
      'E_COMPOSE_INVALID',
      `service "${service}": dockerfile_inline is not supported by Berth's builder yet`,
      {
        fix: 'Write the Dockerfile to a file and point build.dockerfile at it.',
      },
    );
  }
  emit({ kind: 'building', service, image });
  const buildArgs = Object.fromEntries(
    Object.entries(build.args ?? {}).filter((entry): entry is [string, string] => entry[1] !== null),
  );
  const stream = (await docker.buildImage(
    contextTar(contextDir, relative(contextDir, resolve(contextDir, dockerfile))) as never,
    {
      t: image,
      // Remove intermediate containers of failed steps too, as `docker build` does.
      forcerm: true,
      dockerfile: relative(contextDir, resolve(contextDir, dockerfile)),
      buildargs: buildArgs,
      labels: build.labels ?? {},
      ...(build.target ? { target: build.target } : {}),
      ...(build.no_cache ? { nocache: true } : {}),
      ...(build.pull ? { pull: 'true' } : {}),
      ...(build.network ? { networkmode: build.network } : {}),
      abortSignal: options.signal,
    } as Docker.ImageBuildOptions,
  )) as NodeJS.ReadableStream;
  let failure: string | null = null;
  await new Promise<void>((resolveBuild, reject) => {
    docker.modem.followProgress(
      stream,
      (error: Error | null) => (error ? reject(error) : resolveBuild()),
      (message: BuildMessage) => {
        if (message.error) failure = message.errorDetail?.message ?? message.error;
        for (const line of (message.stream ?? '').split('\n'))
          if (line.trim()) emit({ kind: 'building', service, image, line });
      },
    );
  }).catch((error: unknown) => {
    failure ??= (error as Error).message;
  });
  if (failure) {
    throw new BerthError('E_ENGINE_ERROR', `failed to build ${image} for service "${service}": ${failure}`, {
      fix: 'Fix the Dockerfile or the build context, then run the build again.',
    });
  }
  for (const tag of build.tags ?? []) {
    const [repo, version] = splitTag(tag);
    await docker.getImage(image).tag({ repo, tag: version });
  }
  emit({ kind: 'built', service, image });
  return (await docker.getImage(image).inspect()).Id;
}

/** `registry:5000/name:tag` → [`registry:5000/name`, `tag`]; no tag → latest. */
function splitTag(reference: string): [string, string] {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  return colon > slash ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, 'latest'];
}
