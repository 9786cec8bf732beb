/** Restart policy, healthcheck, resource limits and ulimits: the parts of a service the engine enforces at run time. */
import type { ComposeService } from '../../model/service';
import { bytes, nanoCpus, nanoseconds } from './units';

export interface RestartPolicy {
  Name: string;
  MaximumRetryCount?: number;
}

const DEPLOY_CONDITIONS: Record<string, string> = { any: 'always', 'on-failure': 'on-failure', none: 'no' };

/** `restart:` wins; else `deploy.restart_policy` (any → always, on-failure, none → no). */
export function restartPolicy(config: ComposeService): RestartPolicy | undefined {
  if (config.restart) {
    const [name, retries] = config.restart.split(':');
    return { Name: name!, ...(retries ? { MaximumRetryCount: Number(retries) } : {}) };
  }
  const policy = config.deploy?.restart_policy;
  if (!policy) return undefined;
  const name = DEPLOY_CONDITIONS[policy.condition ?? 'any'] ?? 'always';
  return {
    Name: name,
    ...(name === 'on-failure' && policy.max_attempts ? { MaximumRetryCount: policy.max_attempts } : {}),
  };
}

export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  Retries?: number;
}

export function healthcheck(config: ComposeService): HealthConfig | undefined {
  const check = config.healthcheck;
  if (!check) return undefined;
  if (check.disable) return { Test: ['NONE'] };
  return {
    ...(check.test?.length ? { Test: check.test } : {}),
    ...(check.interval ? { Interval: nanoseconds(check.interval) } : {}),
    ...(check.timeout ? { Timeout: nanoseconds(check.timeout) } : {}),
    ...(check.start_period ? { StartPeriod: nanoseconds(check.start_period) } : {}),
    ...(check.retries !== undefined ? { Retries: check.retries } : {}),
  };
}

export interface ResourceSettings {
  Memory?: number;
  MemoryReservation?: number;
  MemorySwap?: number;
  MemorySwappiness?: number;
  NanoCpus?: number;
  CpuShares?: number;
  CpuPeriod?: number;
  CpuQuota?: number;
  CpusetCpus?: string;
  PidsLimit?: number;
  OomKillDisable?: boolean;
  Ulimits?: { Name: string; Soft: number; Hard: number }[];
}

/** Service-level limits win over `deploy.resources.limits`, as in Compose. */
export function resourceSettings(config: ComposeService): ResourceSettings {
  const limits = config.deploy?.resources?.limits;
  const reservations = config.deploy?.resources?.reservations;
  const settings: ResourceSettings = {
    Memory: bytes(config.mem_limit) ?? bytes(limits?.memory),
    MemoryReservation: bytes(config.mem_reservation) ?? bytes(reservations?.memory),
    MemorySwap: bytes(config.memswap_limit),
    MemorySwappiness: bytes(config.mem_swappiness),
    NanoCpus: nanoCpus(config.cpus) ?? nanoCpus(limits?.cpus),
    CpuShares: config.cpu_shares,
    CpuPeriod: config.cpu_period,
    CpuQuota: config.cpu_quota,
    CpusetCpus: config.cpuset,
    PidsLimit: config.pids_limit ?? limits?.pids,
    OomKillDisable: config.oom_kill_disable,
    Ulimits: ulimits(config),
  };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as ResourceSettings;
}

function ulimits(config: ComposeService): ResourceSettings['Ulimits'] {
  const entries = Object.entries(config.ulimits ?? {});
  if (entries.length === 0) return undefined;
  return entries.map(([name, limit]) =>
    typeof limit === 'number'
      ? { Name: name, Soft: limit, Hard: limit }
      : { Name: name, Soft: limit.soft ?? 0, Hard: limit.hard ?? 0 },
  );
}
