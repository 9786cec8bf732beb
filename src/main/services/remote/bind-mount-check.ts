import type Docker from 'dockerode';
import type { ComposeModel } from '../compose/model/project';

/** One bind mount of a service: `source` is a path on the engine's host, as Compose resolved it. */
export interface BindMount {
  service: string;
  source: string;
  target: string;
}

export interface BindSourceResult extends BindMount {
  exists: boolean;
}

export interface BindMountReport {
  /** Every bind mount checked, in service order. */
  results: BindSourceResult[];
  /** Per service, the sources missing on the engine's host, with what works instead. */
  missing: Array<{ service: string; sources: string[]; message: string; alternatives: string[] }>;
}

/** The bind mounts of a project's services (long and short syntax alike: the loader normalised both). */
export function bindMountsOf(model: ComposeModel, services?: string[]): BindMount[] {
  return Object.entries(model.services)
    .filter(([name]) => !services || services.includes(name))
    .flatMap(([service, config]) =>
      (config.volumes ?? [])
        .filter((volume) => volume.type === 'bind' && volume.source)
        .map((volume) => ({ service, source: volume.source!, target: volume.target })),
    );
}

/**
 * Checks, before `up` on a remote engine, that each bind source exists **on the engine's host** (where Compose
 * resolves them, as `DOCKER_HOST=ssh://… docker compose up` does) — without creating anything: a helper container is
 * only created, never started, with the source as a `--mount type=bind` mount, which the engine refuses for a missing
 * path (a `-v` bind would silently create it as an empty root-owned directory). `image` is any local image; it
 * never runs. Returns, per service, what is missing and the alternatives.
 */
export async function checkBindSources(
  docker: Docker,
  mounts: BindMount[],
  options: { image: string; hostLabel: string; labels?: Record<string, string> },
): Promise<BindMountReport> {
  const sources = [...new Set(mounts.map((mount) => mount.source))];
  const existing = new Map<string, boolean>();
  await Promise.all(sources.map(async (source) => existing.set(source, await sourceExists(docker, source, options))));
  const results = mounts.map((mount) => ({ ...mount, exists: existing.get(mount.source)! }));
  const byService = new Map<string, string[]>();
  for (const result of results) {
    if (result.exists) continue;
    byService.set(result.service, [...(byService.get(result.service) ?? []), result.source]);
  }
  const missing = [...byService.entries()].map(([service, paths]) => ({
    service,
    sources: paths,
    message:
      `Service "${service}" bind-mounts ${paths.map((path) => `"${path}"`).join(', ')}, which ${paths.length === 1 ? 'does' : 'do'} not exist on ` +
      `${options.hostLabel}: bind sources are paths on the engine's host, not on this machine.`,
    alternatives: [
      `Use a named volume instead (volumes: - data:${results.find((result) => result.source === paths[0])!.target}).`,
      `Copy the folder to ${options.hostLabel} (Berth can upload it into a volume), or create the path there.`,
    ],
  }));
  return { results, missing };
}

async function sourceExists(
  docker: Docker,
  source: string,
  options: { image: string; labels?: Record<string, string> },
): Promise<boolean> {
  let container: Docker.Container | null = null;
  try {
    container = await docker.createContainer({
      Image: options.image,
      Cmd: ['true'],
      Labels: { 'org.berth.helper': 'bind-check', ...options.labels },
      HostConfig: { Mounts: [{ Type: 'bind', Source: source, Target: '/berth-bind-check', ReadOnly: true }] },
    });
    return true;
  } catch (error) {
    const message = (error as { json?: { message?: string } }).json?.message ?? (error as Error).message;
    if (/bind source path does not exist|no such file or directory/i.test(message)) return false;
    throw error;
  } finally {
    await container?.remove({ force: true }).catch(() => undefined);
  }
}
