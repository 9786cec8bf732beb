/**
 * `com.docker.compose.config-hash`: Compose 2.26 labels each container with the sha256 of Go's json.Marshal of
 * the service definition, minus the fields that do not require recreating the container (build, pull_policy,
 * scale, deploy.replicas). Berth computes the same value to tell whether a running container is up to date.
 */
import { createHash } from 'node:crypto';
import type { ComposeService } from '../model/project';
import { orderLikeGo } from '../model/go-order';
import { goCompactJson } from '../model/serialize';

export const CONFIG_HASH_LABEL = 'com.docker.compose.config-hash';
const FIELDS_OUTSIDE_HASH = ['build', 'pull_policy', 'scale'] as const;

export function configHash(service: ComposeService): string {
  const hashed: Record<string, unknown> = { ...service };
  for (const field of FIELDS_OUTSIDE_HASH) delete hashed[field];
  if (typeof hashed.deploy === 'object' && hashed.deploy !== null) {
    const { replicas: _replicas, ...deploy } = hashed.deploy as Record<string, unknown>;
    hashed.deploy = deploy;
  }
  return createHash('sha256')
    .update(goCompactJson(orderLikeGo('Service', hashed)))
    .digest('hex');
}
