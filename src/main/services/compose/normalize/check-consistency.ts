/**
 * Cross-references the spec requires between enabled services and top-level resources
 * (compose-go checkConsistency). Messages match Compose's so users can search them.
 */
import { composeInvalidError } from '../errors/compose-errors';
import type { ComposeModel, ComposeService } from '../model/project';

const INVALID_PROJECT = 'invalid compose project';
const HEALTHCHECK_TEST_KINDS = ['CMD', 'CMD-SHELL', 'NONE'];
const SERVICE_PREFIX = 'service:';

export function checkConsistency(model: ComposeModel, disabled: Record<string, ComposeService>): void {
  for (const [name, service] of Object.entries(model.services)) checkService(name, service, model, disabled);
}

function checkService(
  name: string,
  service: ComposeService,
  model: ComposeModel,
  disabled: Record<string, ComposeService>,
): void {
  const fail = (message: string) => {
    throw composeInvalidError(message, { path: `services.${name}` });
  };
  const quoted = JSON.stringify(name);
  const build = service.build as Record<string, unknown> | undefined;
  if (build === undefined && !service.image)
    fail(`service ${quoted} has neither an image nor a build context specified: ${INVALID_PROJECT}`);
  if (build !== undefined && build.dockerfile_inline && build.dockerfile) {
    fail(`service ${quoted} declares mutualy exclusive dockerfile and dockerfile_inline: ${INVALID_PROJECT}`);
  }
  const networks = (service.networks ?? {}) as Record<string, unknown>;
  if (service.network_mode && Object.keys(networks).length > 0) {
    fail(`service ${name} declares mutually exclusive \`network_mode\` and \`networks\`: ${INVALID_PROJECT}`);
  }
  for (const network of Object.keys(networks)) {
    if (!model.networks?.[network])
      fail(`service ${quoted} refers to undefined network ${network}: ${INVALID_PROJECT}`);
  }
  const test = (service.healthcheck as { test?: string[] } | undefined)?.test;
  if (test !== undefined && test.length > 0 && !HEALTHCHECK_TEST_KINDS.includes(test[0]!)) {
    fail('healthcheck.test must start either by "CMD", "CMD-SHELL" or "NONE"');
  }
  for (const [dependency, config] of Object.entries(service.depends_on ?? {})) {
    if (model.services[dependency] !== undefined) continue;
    if (disabled[dependency] !== undefined && !config.required) continue;
    fail(`service ${quoted} depends on undefined service ${JSON.stringify(dependency)}: ${INVALID_PROJECT}`);
  }
  const networkMode = service.network_mode;
  if (typeof networkMode === 'string' && networkMode.startsWith(SERVICE_PREFIX)) {
    const shared = networkMode.slice(SERVICE_PREFIX.length);
    if (model.services[shared] === undefined)
      fail(`service ${JSON.stringify(shared)} not found for network_mode 'service:${shared}'`);
  }
  for (const volume of (service.volumes ?? []) as { type?: string; source?: string }[]) {
    if (volume.type === 'volume' && volume.source && !model.volumes?.[volume.source]) {
      fail(`service ${quoted} refers to undefined volume ${volume.source}: ${INVALID_PROJECT}`);
    }
  }
  for (const secret of (build?.secrets ?? []) as { source: string }[]) {
    if (!model.secrets?.[secret.source])
      fail(`service ${quoted} refers to undefined build secret ${secret.source}: ${INVALID_PROJECT}`);
  }
  for (const config of (service.configs ?? []) as { source: string }[]) {
    if (!model.configs?.[config.source])
      fail(`service ${quoted} refers to undefined config ${config.source}: ${INVALID_PROJECT}`);
  }
  for (const secret of (service.secrets ?? []) as { source: string }[]) {
    if (!model.secrets?.[secret.source])
      fail(`service ${quoted} refers to undefined secret ${secret.source}: ${INVALID_PROJECT}`);
  }
  const deploy = service.deploy as { replicas?: number } | undefined;
  if (service.scale !== undefined && deploy !== undefined) {
    if (deploy.replicas !== undefined && deploy.replicas !== service.scale) {
      fail(`services.${name}: can't set distinct values on 'scale' and 'deploy.replicas': ${INVALID_PROJECT}`);
    }
    deploy.replicas = service.scale as number;
  }
}
