/** `deploy:` of a Compose service (and the legacy `restart:`) as Swarm's mode, policies, placement and endpoint. */
import { BerthError } from '@shared/errors';
import type {
  ComposeService,
  PortConfig as ComposePort,
  UpdateConfig as ComposeUpdate,
} from '../../compose/model/service';
import { bytes, nanoCpus, nanoseconds } from '../../compose/engine/spec/units';
import type {
  Placement,
  PortConfig,
  ResourceRequirements,
  RestartPolicy,
  ServiceMode,
  ServiceSpec,
  UpdateConfig,
} from '../swarm-spec';

export function convertMode(serviceName: string, service: ComposeService): ServiceMode {
  const mode = service.deploy?.mode ?? 'replicated';
  const replicas = service.deploy?.replicas;
  const noReplicas = () => {
    if (replicas !== undefined)
      throw invalid(
        serviceName,
        `deploy.replicas can only be used with replicated or replicated-job mode, not ${mode}`,
      );
  };
  switch (mode) {
    case 'replicated':
      return { Replicated: replicas === undefined ? {} : { Replicas: replicas } };
    case 'global':
      noReplicas();
      return { Global: {} };
    case 'replicated-job':
      return { ReplicatedJob: { MaxConcurrent: replicas, TotalCompletions: replicas } };
    case 'global-job':
      noReplicas();
      return { GlobalJob: {} };
    default:
      throw invalid(serviceName, `unknown deploy.mode "${mode}"`);
  }
}

/** `deploy.restart_policy` wins; otherwise the service's `restart:` is translated as the docker CLI does. */
export function convertRestartPolicy(serviceName: string, service: ComposeService): RestartPolicy | undefined {
  const policy = service.deploy?.restart_policy;
  if (policy) {
    return {
      Condition: policy.condition,
      Delay: nanoseconds(policy.delay),
      MaxAttempts: policy.max_attempts,
      Window: nanoseconds(policy.window),
    };
  }
  const restart = service.restart;
  if (!restart || restart === 'no') return undefined;
  const [name, count] = restart.split(':');
  const attempts = count === undefined ? undefined : Number(count);
  if (attempts !== undefined && !(Number.isInteger(attempts) && attempts >= 0))
    throw invalid(serviceName, `invalid restart policy "${restart}"`);
  const maxAttempts = attempts ? attempts : undefined;
  switch (name) {
    case 'always':
    case 'unless-stopped':
      return { Condition: 'any', MaxAttempts: maxAttempts };
    case 'on-failure':
      return { Condition: 'on-failure', MaxAttempts: maxAttempts };
    default:
      throw invalid(serviceName, `invalid restart policy "${restart}" (no, always, on-failure or unless-stopped)`);
  }
}

export function convertUpdateConfig(config: ComposeUpdate | undefined): UpdateConfig | undefined {
  if (!config) return undefined;
  return {
    Parallelism: config.parallelism ?? 1,
    Delay: nanoseconds(config.delay),
    FailureAction: config.failure_action,
    Monitor: nanoseconds(config.monitor),
    MaxFailureRatio: config.max_failure_ratio,
    Order: config.order,
  };
}

export function convertPlacement(service: ComposeService): Placement {
  const placement = service.deploy?.placement;
  const preferences = Array.isArray(placement?.preferences)
    ? (placement.preferences as { spread?: string }[])
        .filter((preference) => typeof preference?.spread === 'string')
        .map((preference) => ({ Spread: { SpreadDescriptor: preference.spread! } }))
    : [];
  return {
    Constraints: placement?.constraints,
    Preferences: preferences.length ? preferences : undefined,
    MaxReplicas: placement?.max_replicas_per_node,
  };
}

/** Limits and reservations without GPUs (see gpu-resources.ts for those). */
export function convertResources(service: ComposeService): ResourceRequirements {
  const { limits, reservations } = service.deploy?.resources ?? {};
  const resources: ResourceRequirements = {};
  if (limits) {
    resources.Limits = {
      NanoCPUs: nanoCpus(limits.cpus),
      MemoryBytes: bytes(limits.memory),
      Pids: limits.pids || undefined,
    };
  }
  if (reservations) {
    resources.Reservations = { NanoCPUs: nanoCpus(reservations.cpus), MemoryBytes: bytes(reservations.memory) };
  }
  return resources;
}

export function convertEndpoint(service: ComposeService): NonNullable<ServiceSpec['EndpointSpec']> {
  const ports = (service.ports ?? []).map(convertPort).sort(comparePorts);
  const mode = service.deploy?.endpoint_mode?.toLowerCase();
  return { Mode: mode || undefined, Ports: ports.length ? ports : undefined };
}

function convertPort(port: ComposePort): PortConfig {
  const published = port.published ? Number(port.published) : undefined;
  return {
    Protocol: port.protocol ?? 'tcp',
    TargetPort: port.target,
    PublishedPort: published,
    PublishMode: port.mode,
  };
}

function comparePorts(a: PortConfig, b: PortConfig): number {
  return (
    (a.PublishedPort ?? 0) - (b.PublishedPort ?? 0) ||
    a.TargetPort - b.TargetPort ||
    (a.Protocol ?? '').localeCompare(b.Protocol ?? '')
  );
}

function invalid(serviceName: string, message: string): BerthError {
  return new BerthError('E_COMPOSE_INVALID', `Service "${serviceName}": ${message}.`, {
    fix: 'Fix the deploy section of the service in the Compose file.',
    details: { service: serviceName },
  });
}
