/**
 * The query of `POST /build?version=2` for one service (the session's id is added when it opens): what the engine's BuildKit frontend takes (tags, target,
 * args, labels, network, hosts, shm size, ulimits, cache imports, platform, no-cache, pull) and warnings for what
 * the Engine API's build endpoint cannot carry (cache exports, entitlements).
 */
import { BerthError } from '@shared/errors';
import type { BuildConfig, UlimitConfig } from '../../compose/model/service';
import { bytes } from '../../compose/engine/spec/units';

export interface BuildQueryInput {
  service: string;
  build: BuildConfig;
  /** The image name first, then the build's extra tags. */
  tags: string[];
  /** The Dockerfile's name inside the synced `dockerfile` directory. */
  dockerfileName: string;
  /** Build args with their values resolved (those without a value and no variable left out). */
  args: Record<string, string>;
  labels: Record<string, string>;
  buildId: string;
  /** The service's `platform:`, which picks one of several build platforms. */
  servicePlatform?: string;
}

export interface BuildQuery {
  query: Record<string, string | string[]>;
  warnings: string[];
}

export function buildQuery(input: BuildQueryInput): BuildQuery {
  const { build, service } = input;
  const warnings: string[] = [];
  const query: Record<string, string | string[]> = {
    version: '2',
    remote: 'client-session',
    buildid: input.buildId,
    dockerfile: input.dockerfileName,
    t: input.tags,
    buildargs: JSON.stringify(input.args),
    labels: JSON.stringify(input.labels),
  };
  if (build.target) query.target = build.target;
  if (build.no_cache) query.nocache = '1';
  if (build.pull) query.pull = '1';
  if (build.network) query.networkmode = build.network;
  if (build.extra_hosts?.length) query.extrahosts = build.extra_hosts.map(hostEntry);
  const shm = bytes(build.shm_size);
  if (shm !== undefined) query.shmsize = String(shm);
  if (build.ulimits) query.ulimits = JSON.stringify(ulimitsOf(build.ulimits));
  const platform = platformOf(service, build.platforms, input.servicePlatform);
  if (platform) query.platform = platform;
  const cacheFrom = (build.cache_from ?? []).flatMap((entry) => {
    const ref = registryCacheRef(entry);
    if (!ref)
      warnings.push(`service "${service}": cache_from "${entry}" skipped: the engine imports cache from images only`);
    return ref ? [ref] : [];
  });
  if (cacheFrom.length) query.cachefrom = JSON.stringify(cacheFrom);
  if (build.cache_to?.length) {
    warnings.push(`service "${service}": cache_to skipped: the engine's build API cannot export a build cache`);
  }
  if (build.privileged || build.entitlements?.length) {
    warnings.push(`service "${service}": build entitlements (privileged) skipped: the engine's build API has none`);
  }
  return { query, warnings };
}

/** Compose writes `host=ip`; the Engine API takes `host:ip`. */
function hostEntry(entry: string): string {
  const equals = entry.indexOf('=');
  return equals > 0 ? `${entry.slice(0, equals)}:${entry.slice(equals + 1)}` : entry;
}

function ulimitsOf(ulimits: Record<string, UlimitConfig>): { Name: string; Soft: number; Hard: number }[] {
  return Object.entries(ulimits).map(([name, limit]) =>
    typeof limit === 'number'
      ? { Name: name, Soft: limit, Hard: limit }
      : { Name: name, Soft: limit.soft ?? limit.hard ?? 0, Hard: limit.hard ?? limit.soft ?? 0 },
  );
}

/** `image:tag` and `type=registry,ref=image:tag` are images; other cache types need a builder the engine lacks. */
function registryCacheRef(entry: string): string | null {
  if (!entry.includes('=')) return entry;
  const fields = Object.fromEntries(entry.split(',').map((field) => field.split('=', 2) as [string, string]));
  return fields.type === 'registry' && fields.ref ? fields.ref : null;
}

function platformOf(
  service: string,
  platforms: string[] | undefined,
  servicePlatform: string | undefined,
): string | undefined {
  if (!platforms?.length) return servicePlatform;
  if (servicePlatform) {
    if (!platforms.includes(servicePlatform)) {
      throw new BerthError(
        'E_COMPOSE_INVALID',
        `service "${service}": platform ${servicePlatform} is not one of its build platforms (${platforms.join(', ')})`,
        { fix: `Add ${servicePlatform} to build.platforms, or change the service's platform.` },
      );
    }
    return servicePlatform;
  }
  if (platforms.length > 1) {
    throw new BerthError(
      'E_COMPOSE_INVALID',
      `service "${service}": the engine's builder makes one platform at a time, and build.platforms lists ${platforms.length}`,
      { fix: "Keep one platform in build.platforms, or set the service's platform: to the one to build." },
    );
  }
  return platforms[0];
}
