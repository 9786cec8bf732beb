/**
 * Desired stack vs what the engine has → the steps of a deploy. Equal specs give `unchanged` steps, so a re-deploy
 * of an unchanged file touches no service; a config whose content changed, a name taken by something else or a
 * missing external network stops the deploy here, before anything is created.
 */
import { BerthError } from '@shared/errors';
import type { DesiredService, DesiredStack } from './convert/stack-spec';
import type { StackFileObject } from './convert/file-objects';
import type { ResolvedImage, ResolveImageMode } from './image-resolution';
import { sameServiceSpec, changedFields, type SpecComparison } from './spec-equality';
import { STACK_IMAGE_LABEL } from './stack-labels';
import { belongsTo, type ObservedStack } from './stack-observed';
import type { NetworkCreateSpec, ServiceSpec, SwarmFileObject, SwarmService } from './swarm-spec';

export type StepAction = 'create' | 'update' | 'unchanged' | 'remove';

export interface NetworkStep {
  object: 'network';
  name: string;
  action: 'create' | 'unchanged';
  spec: NetworkCreateSpec;
}

export interface FileObjectStep {
  object: 'secret' | 'config';
  name: string;
  /** `verify`: a secret that exists; only the engine can tell whether its content changed (it refuses the update then). */
  action: 'create' | 'update' | 'unchanged' | 'verify';
  fileObject: StackFileObject;
  existing?: SwarmFileObject;
}

export interface ServiceStep {
  object: 'service';
  name: string;
  action: StepAction;
  /** The spec to send (create, update); the engine ids of secrets and configs are added when they exist. */
  spec?: ServiceSpec;
  desired?: DesiredService;
  existing?: SwarmService;
  /** Fields that differ, for an update. */
  changes: string[];
}

export interface StackPlan {
  networks: NetworkStep[];
  secrets: FileObjectStep[];
  configs: FileObjectStep[];
  services: ServiceStep[];
}

export interface PlanOptions {
  resolveImage: ResolveImageMode;
  images: ReadonlyMap<string, ResolvedImage>;
  /** Remove services of the stack that the file no longer has (`--prune`). */
  prune: boolean;
  unsupportedHealthcheckFields?: readonly string[];
}

export function planStack(desired: DesiredStack, observed: ObservedStack, options: PlanOptions): StackPlan {
  checkExternalNetworks(desired, observed);
  const networkNames = new Map(observed.networks.map((network) => [network.Id, network.Name]));
  const comparison: SpecComparison = {
    networkNames,
    unsupportedHealthcheckFields: options.unsupportedHealthcheckFields,
  };
  const services = desired.services.map((service) =>
    planService(desired.stack, service, observed, options, comparison),
  );
  if (options.prune) {
    const wanted = new Set(desired.services.map((service) => service.name));
    for (const existing of observed.services) {
      if (belongsTo(desired.stack, existing.Spec.Labels) && !wanted.has(existing.Spec.Name))
        services.push({ object: 'service', name: existing.Spec.Name, action: 'remove', existing, changes: [] });
    }
  }
  return {
    networks: desired.networks.map((spec) => planNetwork(desired.stack, spec, observed)),
    secrets: desired.secrets.map((object) => planFileObject('secret', object, observed.secrets)),
    configs: desired.configs.map((object) => planFileObject('config', object, observed.configs)),
    services,
  };
}

function checkExternalNetworks(desired: DesiredStack, observed: ObservedStack): void {
  for (const name of desired.externalNetworks) {
    if (['host', 'bridge', 'none', 'ingress'].includes(name)) continue;
    const network = observed.networks.find((candidate) => candidate.Name === name || candidate.Id === name);
    if (!network) {
      throw new BerthError('E_NOT_FOUND', `Network "${name}" is declared as external, but could not be found.`, {
        fix: `Create a swarm-scoped network first: docker network create --driver overlay ${name}`,
      });
    }
    if (network.Scope !== 'swarm') {
      throw new BerthError(
        'E_INVALID_INPUT',
        `Network "${name}" is declared as external, but it is ${network.Scope}-scoped, not swarm-scoped.`,
        {
          fix: `Use an overlay network: docker network create --driver overlay ${name}`,
        },
      );
    }
  }
}

function planNetwork(stack: string, spec: NetworkCreateSpec, observed: ObservedStack): NetworkStep {
  const existing = observed.networks.find((network) => network.Name === spec.Name);
  if (!existing) return { object: 'network', name: spec.Name, action: 'create', spec };
  if (existing.Scope !== 'swarm') {
    throw new BerthError(
      'E_INVALID_INPUT',
      `A ${existing.Scope}-scoped network named "${spec.Name}" exists; stack ${stack} needs a swarm-scoped one.`,
      {
        fix: `Remove that network (docker network rm ${spec.Name}) or give the stack's network another name.`,
      },
    );
  }
  return { object: 'network', name: spec.Name, action: 'unchanged', spec };
}

function planFileObject(
  kind: 'secret' | 'config',
  object: StackFileObject,
  existing: SwarmFileObject[],
): FileObjectStep {
  const name = object.spec.Name;
  const found = existing.find((candidate) => candidate.Spec.Name === name);
  if (!found) return { object: kind, name, action: 'create', fileObject: object };
  const sameLabels = sameMap(found.Spec.Labels, object.spec.Labels);
  if (kind === 'secret')
    return { object: kind, name, action: sameLabels ? 'verify' : 'update', fileObject: object, existing: found };
  if ((found.Spec.Data ?? '') !== object.spec.Data) {
    throw new BerthError('E_INVALID_INPUT', `Config "${name}" exists with other content; Swarm configs can't change.`, {
      fix: `Give the config a new name (\`name: ${name}_v2\` under configs) so services switch to it, or remove the stack first.`,
      details: { config: name },
    });
  }
  return { object: kind, name, action: sameLabels ? 'unchanged' : 'update', fileObject: object, existing: found };
}

function planService(
  stack: string,
  service: DesiredService,
  observed: ObservedStack,
  options: PlanOptions,
  comparison: SpecComparison,
): ServiceStep {
  const existing = observed.services.find((candidate) => candidate.Spec.Name === service.name);
  if (existing && !belongsTo(stack, existing.Spec.Labels)) {
    throw new BerthError(
      'E_INVALID_INPUT',
      `A service named "${service.name}" exists but is not part of stack ${stack}.`,
      {
        fix: `Remove it (docker service rm ${service.name}) or choose another stack name.`,
        details: { service: service.key },
      },
    );
  }
  const spec = withResolvedImage(service.spec, existing, options);
  if (!existing)
    return { object: 'service', name: service.name, action: 'create', spec, desired: service, changes: [] };
  // As the docker CLI: a re-deploy keeps the service's ForceUpdate counter, so it alone never restarts tasks.
  spec.TaskTemplate.ForceUpdate = existing.Spec.TaskTemplate.ForceUpdate;
  const withReferences = withFileReferences(spec, service, undefined);
  const unchanged = sameServiceSpec(withReferences, existing.Spec, comparison);
  return {
    object: 'service',
    name: service.name,
    action: unchanged ? 'unchanged' : 'update',
    spec,
    desired: service,
    existing,
    changes: unchanged ? [] : changedFields(withReferences, existing.Spec, comparison),
  };
}

/** The image to send: pinned to its registry digest as `--resolve-image` says, or kept as the engine has it. */
function withResolvedImage(spec: ServiceSpec, existing: SwarmService | undefined, options: PlanOptions): ServiceSpec {
  const copy = structuredClone(spec);
  const container = copy.TaskTemplate.ContainerSpec;
  const written = spec.Labels[STACK_IMAGE_LABEL] ?? container.Image;
  const unchangedImage = existing?.Spec.Labels[STACK_IMAGE_LABEL] === written;
  const query = options.resolveImage === 'always' || (options.resolveImage === 'changed' && !unchangedImage);
  if (existing && unchangedImage && !query) {
    container.Image = existing.Spec.TaskTemplate.ContainerSpec.Image;
    const platforms = existing.Spec.TaskTemplate.Placement?.Platforms;
    if (platforms) copy.TaskTemplate.Placement = { ...copy.TaskTemplate.Placement, Platforms: platforms };
    return copy;
  }
  const resolved = query ? options.images.get(written) : undefined;
  if (resolved?.pinned) {
    container.Image = resolved.pinned;
    if (resolved.platforms)
      copy.TaskTemplate.Placement = { ...copy.TaskTemplate.Placement, Platforms: resolved.platforms };
  }
  return copy;
}

/** The spec with its secret and config references, engine ids included once known. */
export function withFileReferences(
  spec: ServiceSpec,
  service: DesiredService,
  ids: { secrets: ReadonlyMap<string, string>; configs: ReadonlyMap<string, string> } | undefined,
): ServiceSpec {
  const copy = structuredClone(spec);
  const container = copy.TaskTemplate.ContainerSpec;
  if (service.secrets.length)
    container.Secrets = service.secrets.map((reference) => ({
      File: reference.File,
      SecretID: ids?.secrets.get(reference.Name),
      SecretName: reference.Name,
    }));
  if (service.configs.length)
    container.Configs = service.configs.map((reference) => ({
      File: reference.File,
      ConfigID: ids?.configs.get(reference.Name),
      ConfigName: reference.Name,
    }));
  return copy;
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const left = a ?? {};
  const right = b ?? {};
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => left[key] === right[key]);
}
