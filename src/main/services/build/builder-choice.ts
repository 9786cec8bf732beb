/**
 * Which builder an engine offers. Docker engines on Linux since API 1.39 run BuildKit builds through /session and
 * /build?version=2 (whatever their default builder is); Podman and Windows engines have the classic builder only.
 * DOCKER_BUILDKIT=0 asks for the classic builder, as it does for the docker CLI and Compose.
 */
import type Docker from 'dockerode';
import type { RawEngineVersion } from '../docker/engine-info';

export type Builder = 'buildkit' | 'classic';

const known = new WeakMap<Docker, Promise<Builder>>();

export function engineBuilder(docker: Docker, env: Record<string, string | undefined>): Promise<Builder> {
  if (env.DOCKER_BUILDKIT !== undefined && /^(0|false)$/i.test(env.DOCKER_BUILDKIT)) return Promise.resolve('classic');
  let builder = known.get(docker);
  if (!builder) {
    builder = (docker.version() as Promise<RawEngineVersion>).then(builderOf, () => 'classic' as const);
    known.set(docker, builder);
  }
  return builder;
}

export function builderOf(version: RawEngineVersion): Builder {
  const podman = [version.Platform?.Name, ...(version.Components ?? []).map((c) => c.Name)].some((name) =>
    /podman/i.test(name ?? ''),
  );
  const [major = 0, minor = 0] = (version.ApiVersion ?? '0.0').split('.').map(Number);
  const apiHasSessions = major > 1 || (major === 1 && minor >= 39);
  return !podman && (version.Os ?? 'linux') === 'linux' && apiHasSessions ? 'buildkit' : 'classic';
}
