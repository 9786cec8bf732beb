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
  checkExternalVolumes(model);
  for (const [name, service] of Object.entries(model.services)) checkService(name, service, model, disabled);
}

/** An external volume is not Compose's to create: settings for creating it are a contradiction. */
function checkExternalVolumes(model: ComposeModel): void {
  for (const [name, volume] of Object.entries(model.volumes ?? {})) {
    if (!volume.external) continue;
    const conflict = [
      ['driver', volume.driver],
      ['driver_opts', volume.driver_opts],
      ['labels', volume.labels],
    ].find(([, value]) => value !== undefined)?.[0];
    if (conflict !== undefined) {
      throw composeInvalidError(`volumes.${name}: conflicting parameters "external" and "${conflict}" specified`, {
        path: `volumes.${name}.${conflict}`,
      });
    }
  }
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
  const build = service.build;
  if (build === undefined && !service.image)
    fail(`service ${quoted} has neither an image nor a build context specified: ${INVALID_PROJECT}`);
  if (build !== undefined && build.dockerfile_inline && build.dockerfile) {
    fail(`service ${quoted} declares mutualy exclusive dockerfile and dockerfile_inline: ${INVALID_PROJECT}`);
  }
  const networks = service.networks ?? {};
  if (service.network_mode && Object.keys(networks).length > 0) {
    fail(`service ${name} declares mutually exclusive \`network_mode\` and \`networks\`: ${INVALID_PROJECT}`);
  }
  for (const network of Object.keys(networks)) {
    if (!model.networks?.[network])
      fail(`service ${quoted} refers to undefined network ${network}: ${INVALID_PROJECT}`);
  }
  const test = service.healthcheck?.test;
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
  for (const volume of service.volumes ?? []) {
    if (volume.type === 'volume' && volume.source && !model.volumes?.[volume.source]) {
      fail(`service ${quoted} refers to undefined volume ${volume.source}: ${INVALID_PROJECT}`);
    }
  }
  for (const secret of build?.secrets ?? []) {
    if (!model.secrets?.[secret.source])
      fail(`service ${quoted} refers to undefined build secret ${secret.source}: ${INVALID_PROJECT}`);
  }
  for (const config of service.configs ?? []) {
    if (!model.configs?.[config.source])
      fail(`service ${quoted} refers to undefined config ${config.source}: ${INVALID_PROJECT}`);
  }
  for (const secret of service.secrets ?? []) {
    if (!model.secrets?.[secret.source])
      fail(`service ${quoted} refers to undefined secret ${secret.source}: ${INVALID_PROJECT}`);
  }
  const deploy = service.deploy;
  if (service.scale !== undefined && deploy !== undefined) {
    if (deploy.replicas !== undefined && deploy.replicas !== service.scale) {
      fail(`services.${name}: can't set distinct values on 'scale' and 'deploy.replicas': ${INVALID_PROJECT}`);
    }
    deploy.replicas = service.scale;
  }
  const limit = deploy?.resources?.limits?.cpus;
  // compose-go compares the two as float32.
  if (service.cpus !== undefined && limit !== undefined && Math.fround(service.cpus) !== Math.fround(limit)) {
    fail(
      `services.${name}: can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus': ${INVALID_PROJECT}`,
    );
  }
}
