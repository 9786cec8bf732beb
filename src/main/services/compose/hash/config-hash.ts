/**
 * `com.docker.compose.config-hash`: Compose 2.26 labels each container with the sha256 of Go's json.Marshal of
 * the service definition, minus the fields that do not require recreating the container (build, pull_policy,
 * scale, deploy.replicas). Berth computes the same value to tell whether a running container is up to date.
 */
import { createHash } from 'node:crypto';
import { orderLikeGo } from '../model/go-order';
import { goCompactJson } from '../model/serialize';
import type { ComposeService } from '../model/service';

export function configHash(service: ComposeService): string {
  const { build: _build, pull_policy: _pullPolicy, scale: _scale, deploy, ...hashed } = service;
  const withDeploy: Omit<ComposeService, 'build' | 'pull_policy' | 'scale'> = hashed;
  if (deploy !== undefined) {
    const { replicas: _replicas, ...rest } = deploy;
    withDeploy.deploy = rest;
  }
  return createHash('sha256')
    .update(goCompactJson(orderLikeGo('Service', withDeploy)))
    .digest('hex');
}
