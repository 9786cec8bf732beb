/**
 * `build:` of one service: with the engine's BuildKit (a session serving the context, secrets and ssh; a timeline
 * of the steps), or with the classic builder where the engine has no BuildKit, said in a warning.
 */
import type Docker from 'dockerode';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';
import type { buildWithBuildKit as BuildWithBuildKit } from '../../../build/buildkit/buildkit-build';
import { engineBuilder } from '../../../build/builder-choice';
import { buildWithClassicBuilder } from '../../../build/classic/classic-build';
import type { ComposeProject } from '../../model/project';
import type { BuildConfig } from '../../model/service';
import type { RegistryAuthLookup } from './registry-auth';

export interface BuildOptions {
  service: string;
  project: ComposeProject;
  emit: (event: ComposeProgressEvent) => void;
  signal?: AbortSignal;
  registryAuth?: RegistryAuthLookup;
}

/** Builds `image` from the service's build section; resolves with the image ID. */
export async function buildImage(
  docker: Docker,
  image: string,
  build: BuildConfig,
  options: BuildOptions,
): Promise<string> {
  const { service, project, emit } = options;
  const builder = await engineBuilder(docker, project.environment);
  emit({ kind: 'building', service, image, builder });
  if (builder === 'classic') {
    const why = /^(0|false)$/i.test(project.environment.DOCKER_BUILDKIT ?? '')
      ? 'DOCKER_BUILDKIT=0 asks for the classic builder'
      : 'the engine has no BuildKit';
    emit({
      kind: 'warning',
      message: `${why}: building ${service} with the classic builder (no RUN --mount, build secrets or ssh)`,
    });
  }
  const request = { ...options, image, build };
  const id =
    builder === 'buildkit' ? await buildKitBuild(docker, request) : await buildWithClassicBuilder(docker, request);
  emit({ kind: 'built', service, image });
  return id;
}

/** BuildKit's session (gRPC, protobuf) loads with the first build, not with every command that might build. */
async function buildKitBuild(...args: Parameters<typeof BuildWithBuildKit>) {
  const { buildWithBuildKit } = await import('../../../build/buildkit/buildkit-build');
  return buildWithBuildKit(...args);
}
