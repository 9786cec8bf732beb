/** A Compose service's container settings as a Swarm ContainerSpec, field for field as `docker stack deploy` sends. */
import type { ComposeService, HealthcheckConfig, UlimitConfig } from '../../compose/model/service';
import { nanoseconds } from '../../compose/engine/spec/units';
import type { ContainerSpec, HealthConfig } from '../swarm-spec';
import { withStackLabel } from '../stack-labels';

export function convertContainerSpec(stack: string, service: ComposeService, image: string): ContainerSpec {
  const spec: ContainerSpec = {
    Image: image,
    Labels: withStackLabel(stack, service.labels),
    Command: service.entrypoint ?? undefined,
    Args: service.command ?? undefined,
    Hostname: service.hostname,
    Env: convertEnvironment(service.environment),
    Dir: service.working_dir,
    User: service.user,
    StopGracePeriod: nanoseconds(service.stop_grace_period),
    StopSignal: service.stop_signal,
    Healthcheck: convertHealthcheck(service.healthcheck),
    Hosts: convertExtraHosts(service.extra_hosts),
    DNSConfig:
      service.dns?.length || service.dns_search?.length
        ? { Nameservers: service.dns, Search: service.dns_search }
        : undefined,
    TTY: service.tty,
    OpenStdin: service.stdin_open,
    ReadOnly: service.read_only,
    Init: service.init,
    Isolation: service.isolation,
    Sysctls: service.sysctls,
    CapabilityAdd: normalizeCapabilities(service.cap_add),
    CapabilityDrop: normalizeCapabilities(service.cap_drop),
    Ulimits: convertUlimits(service.ulimits),
    OomScoreAdj: service.oom_score_adj,
    // The docker CLI always sends an empty Privileges (credential_spec is not read from Compose here).
    Privileges: { CredentialSpec: null, SELinuxContext: null },
  };
  return spec;
}

/** `KEY=value` (or a bare `KEY` for a variable without value), sorted, as the docker CLI sends them. */
export function convertEnvironment(environment: Record<string, string | null> | undefined): string[] | undefined {
  if (!environment) return undefined;
  return Object.entries(environment)
    .map(([key, value]) => (value === null ? key : `${key}=${value}`))
    .sort();
}

export function convertHealthcheck(healthcheck: HealthcheckConfig | undefined): HealthConfig | undefined {
  if (!healthcheck) return undefined;
  if (healthcheck.disable) return { Test: ['NONE'] };
  return {
    Test: healthcheck.test,
    Interval: nanoseconds(healthcheck.interval),
    Timeout: nanoseconds(healthcheck.timeout),
    StartPeriod: nanoseconds(healthcheck.start_period),
    StartInterval: nanoseconds(healthcheck.start_interval),
    Retries: healthcheck.retries,
  };
}

/** Compose's `host=ip` (or legacy `host:ip`) entries in Swarm's `ip host` notation, order kept. */
export function convertExtraHosts(hosts: string[] | undefined): string[] | undefined {
  if (!hosts) return undefined;
  const converted: string[] = [];
  for (const entry of hosts) {
    const separator = entry.includes('=') ? entry.indexOf('=') : entry.indexOf(':');
    if (separator <= 0) continue;
    converted.push(`${entry.slice(separator + 1)} ${entry.slice(0, separator)}`);
  }
  return converted;
}

/** Capabilities as the engine spells them: upper case with the `CAP_` prefix, `ALL` as is. */
function normalizeCapabilities(capabilities: string[] | undefined): string[] | undefined {
  if (!capabilities?.length) return undefined;
  const normalized = capabilities.map((capability) => {
    const upper = capability.toUpperCase();
    return upper === 'ALL' || upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
  });
  return [...new Set(normalized)].sort();
}

function convertUlimits(ulimits: Record<string, UlimitConfig> | undefined): ContainerSpec['Ulimits'] {
  if (!ulimits) return undefined;
  return Object.keys(ulimits)
    .sort()
    .map((name) => {
      const limit = ulimits[name]!;
      return typeof limit === 'number'
        ? { Name: name, Soft: limit, Hard: limit }
        : { Name: name, Soft: limit.soft ?? 0, Hard: limit.hard ?? 0 };
    });
}
