/**
 * `com.docker.compose.config-hash` of a service, as Compose 2.26 computes it: sha256 of Go's json.Marshal of the
 * service with build, pull_policy, scale and deploy.replicas left out.
 *
 * Adapter: the loader's `configHash(service)` (compose/hash) had not landed when this was written. The loader keeps
 * every struct's keys in Go's declaration order, so JSON.stringify of the model gives Go's bytes once Go's HTML
 * escaping is applied. Swap this for the loader's function when it exists.
 */
import { createHash } from 'node:crypto';
import type { ComposeService } from '../model/project';

const IGNORED_FIELDS = ['build', 'pull_policy', 'scale'];

export function configHash(service: ComposeService): string {
  const hashed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(service)) {
    if (IGNORED_FIELDS.includes(key)) continue;
    if (key === 'deploy' && value && typeof value === 'object') {
      const { replicas: _replicas, ...deploy } = value as Record<string, unknown>;
      hashed[key] = deploy;
    } else {
      hashed[key] = value;
    }
  }
  return createHash('sha256').update(goJson(hashed)).digest('hex');
}

/** JSON text as Go's encoding/json writes it: `<`, `>`, `&`, U+2028 and U+2029 escaped. */
function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
