/**
 * Typed views of the parts of the loaded model the engine reads. The loader's `ComposeService` is a loose record
 * in the shape of `docker compose config --format json`; these interfaces name the fields and their shapes there.
 */
import type { ComposeModel, ComposeProject, ComposeService } from '../model/project';

export interface PortConfig {
  mode?: string;
  host_ip?: string;
  target: number;
  published?: string;
  protocol?: string;
}

export interface ServiceVolumeConfig {
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | string;
  source?: string;
  target: string;
  read_only?: boolean;
  bind?: { selinux?: string; propagation?: string; create_host_path?: boolean };
  volume?: { nocopy?: boolean; subpath?: string };
  tmpfs?: { size?: string | number; mode?: number };
}

export interface FileReferenceConfig {
  source: string;
  target?: string;
  uid?: string;
  gid?: string;
  mode?: number;
}

export interface DeviceRequestConfig {
  capabilities?: string[];
  driver?: string;
  count?: number | string;
  device_ids?: string[];
  options?: Record<string, string>;
}

export interface ResourceConfig {
  cpus?: number | string;
  memory?: string | number;
  pids?: number;
  devices?: DeviceRequestConfig[];
}

export interface DependencyConfig {
  condition: string;
  restart?: boolean;
  required: boolean;
}

export interface ServiceNetworkConfig {
  priority?: number;
  aliases?: string[];
  ipv4_address?: string;
  ipv6_address?: string;
  link_local_ips?: string[];
  mac_address?: string;
  driver_opts?: Record<string, string>;
}

export interface HealthcheckConfig {
  test?: string[];
  timeout?: string;
  interval?: string;
  retries?: number;
  start_period?: string;
  start_interval?: string;
  disable?: boolean;
}

export interface BuildConfig {
  context?: string;
  dockerfile?: string;
  dockerfile_inline?: string;
  args?: Record<string, string | null>;
  labels?: Record<string, string>;
  target?: string;
  tags?: string[];
  no_cache?: boolean;
  pull?: boolean;
  network?: string;
  extra_hosts?: string[];
  shm_size?: string | number;
}

export type UlimitConfig = number | { soft: number; hard: number };

export interface ServiceConfig {
  image?: string;
  build?: BuildConfig;
  pull_policy?: string;
  scale?: number;
  command?: string[] | null;
  entrypoint?: string[] | null;
  environment?: Record<string, string | null>;
  ports?: PortConfig[];
  expose?: string[];
  volumes?: ServiceVolumeConfig[];
  volumes_from?: string[];
  tmpfs?: string[];
  secrets?: FileReferenceConfig[];
  configs?: FileReferenceConfig[];
  networks?: Record<string, ServiceNetworkConfig | null>;
  network_mode?: string;
  depends_on?: Record<string, DependencyConfig>;
  healthcheck?: HealthcheckConfig;
  restart?: string;
  deploy?: {
    replicas?: number;
    resources?: { limits?: ResourceConfig; reservations?: ResourceConfig };
    restart_policy?: { condition?: string; delay?: string; max_attempts?: number; window?: string };
    labels?: Record<string, string>;
  };
  labels?: Record<string, string>;
  user?: string;
  working_dir?: string;
  hostname?: string;
  domainname?: string;
  mac_address?: string;
  init?: boolean;
  privileged?: boolean;
  read_only?: boolean;
  tty?: boolean;
  stdin_open?: boolean;
  shm_size?: string | number;
  ulimits?: Record<string, UlimitConfig>;
  ipc?: string;
  pid?: string;
  uts?: string;
  userns_mode?: string;
  cgroup?: string;
  cgroup_parent?: string;
  cap_add?: string[];
  cap_drop?: string[];
  security_opt?: string[];
  extra_hosts?: string[];
  dns?: string[];
  dns_opt?: string[];
  dns_search?: string[];
  sysctls?: Record<string, string>;
  group_add?: string[];
  devices?: { source: string; target?: string; permissions?: string }[];
  device_cgroup_rules?: string[];
  mem_limit?: string | number;
  mem_reservation?: string | number;
  memswap_limit?: string | number;
  mem_swappiness?: string | number;
  cpus?: number | string;
  cpu_shares?: number;
  cpu_period?: number;
  cpu_quota?: number;
  cpuset?: string;
  pids_limit?: number;
  oom_kill_disable?: boolean;
  oom_score_adj?: number;
  logging?: { driver?: string; options?: Record<string, string> };
  stop_signal?: string;
  stop_grace_period?: string;
  storage_opt?: Record<string, string>;
  container_name?: string;
  gpus?: DeviceRequestConfig[] | 'all';
  runtime?: string;
  platform?: string;
  isolation?: string;
  profiles?: string[];
}

export interface TopLevelNetworkConfig {
  name?: string;
  driver?: string;
  driver_opts?: Record<string, string>;
  ipam?: {
    driver?: string;
    config?: { subnet?: string; gateway?: string; ip_range?: string; aux_addresses?: Record<string, string> }[];
  };
  external?: boolean;
  internal?: boolean;
  attachable?: boolean;
  labels?: Record<string, string>;
  enable_ipv6?: boolean;
}

export interface TopLevelVolumeConfig {
  name?: string;
  driver?: string;
  driver_opts?: Record<string, string>;
  external?: boolean;
  labels?: Record<string, string>;
}

export interface FileObjectConfig {
  name?: string;
  file?: string;
  environment?: string;
  content?: string;
  external?: boolean;
}

export function serviceConfig(service: ComposeService): ServiceConfig {
  return service as ServiceConfig;
}

export function serviceOf(project: ComposeProject, name: string): ServiceConfig {
  const service = project.model.services[name];
  if (!service) throw new Error(`no service "${name}" in project ${project.name}`);
  return serviceConfig(service);
}

export function networksOf(model: ComposeModel): Record<string, TopLevelNetworkConfig> {
  return (model.networks ?? {}) as Record<string, TopLevelNetworkConfig>;
}

export function volumesOf(model: ComposeModel): Record<string, TopLevelVolumeConfig> {
  return (model.volumes ?? {}) as Record<string, TopLevelVolumeConfig>;
}

export function fileObjectsOf(model: ComposeModel, kind: 'secrets' | 'configs'): Record<string, FileObjectConfig> {
  return (model[kind] ?? {}) as Record<string, FileObjectConfig>;
}
