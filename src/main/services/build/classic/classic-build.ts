/**
 * `build:` through the engine's classic builder, for engines without BuildKit: a tar of the context (without what
 * .dockerignore excludes), the Dockerfile, args, target and labels; the build log streams out line by line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ignore from '@balena/dockerignore';
import type Docker from 'dockerode';
import { pack } from 'tar-fs';
import { BerthError } from '@shared/errors';
import type { ServiceBuild } from '../buildkit/buildkit-build';
import { imageLabels, resolvedBuildArgs } from '../build-labels';

interface BuildMessage {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
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

/** Builds the image and tags it with the build's extra tags; resolves with the image ID. */
export async function buildWithClassicBuilder(docker: Docker, request: ServiceBuild): Promise<string> {
  const { project, service, build, image, emit } = request;
  const contextDir = resolve(project.workingDir, build.context ?? '.');
  if (build.dockerfile_inline !== undefined || build.secrets?.length || build.ssh || build.additional_contexts) {
    throw new BerthError(
      'E_ENGINE_ERROR',
      `service "${service}" needs BuildKit (dockerfile_inline, build secrets, ssh or additional contexts), and the build runs with the classic builder`,
      { fix: 'Use a Docker engine with BuildKit (Docker 18.09 or later on Linux), or unset DOCKER_BUILDKIT=0.' },
    );
  }
  const dockerfile = relative(contextDir, resolve(contextDir, build.dockerfile ?? 'Dockerfile'));
  const stream = (await docker.buildImage(
    contextTar(contextDir, dockerfile) as never,
    {
      t: image,
      // Remove intermediate containers of failed steps too, as `docker build` does.
      forcerm: true,
      dockerfile,
      buildargs: resolvedBuildArgs(project, build),
      labels: imageLabels(project, service, build),
      ...(build.target ? { target: build.target } : {}),
      ...(build.no_cache ? { nocache: true } : {}),
      ...(build.pull ? { pull: 'true' } : {}),
      ...(build.network ? { networkmode: build.network } : {}),
      abortSignal: request.signal,
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
          if (line.trim()) emit({ kind: 'building', service, image, line, builder: 'classic' });
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
  return (await docker.getImage(image).inspect()).Id;
}

/** `registry:5000/name:tag` → [`registry:5000/name`, `tag`]; no tag → latest. */
function splitTag(reference: string): [string, string] {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  return colon > slash ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, 'latest'];
}
