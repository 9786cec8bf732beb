/**
 * A service as the loader produces it: exactly the JSON of `docker compose config --format json` (compose-go
 * v2.4.8 types.ServiceConfig). Every field is named here with the shape the decoder (normalize/decode.ts) writes
 * for its kind in model/go-layout.ts; layout-type.test.ts keeps the two lists equal.
 */

/** `KEY: value` maps of strings (labels, sysctls, driver options…). */
export type StringMap = Record<string, string>;
/** `environment` and build `args`: null for a key with no value. */
export type EnvironmentMap = Record<string, string | null>;

export interface PortConfig {
  name?: string;
  mode?: string;
  host_ip?: string;
  target: number;
  published?: string;
  protocol?: string;
  app_protocol?: string;
}

export interface ServiceVolumeConfig {
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image' | string;
  source?: string;
  target: string;
  read_only?: boolean;
  consistency?: string;
  bind?: { selinux?: string; propagation?: string; create_host_path?: boolean; recursive?: string };
  volume?: { nocopy?: boolean; subpath?: string };
  tmpfs?: { size?: string; mode?: number };
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
  /** -1 for `all`. */
  count?: number;
  device_ids?: string[];
  options?: StringMap;
}

export interface ResourceConfig {
  cpus?: number;
  memory?: string;
  pids?: number;
  devices?: DeviceRequestConfig[];
  generic_resources?: { discrete_resource_spec?: { kind: string; value: number } }[];
}

export interface DependencyConfig {
  condition: string;
  restart?: boolean;
  required: boolean;
}

export interface ServiceNetworkConfig {
  priority?: number;
  gw_priority?: number;
  aliases?: string[];
  ipv4_address?: string;
  ipv6_address?: string;
  link_local_ips?: string[];
  mac_address?: string;
  driver_opts?: StringMap;
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

export type UlimitConfig = number | { soft?: number; hard?: number };

export interface BuildConfig {
  context?: string;
  dockerfile?: string;
  dockerfile_inline?: string;
  entitlements?: string[];
  args?: EnvironmentMap;
  /** `default` or `id=path` entries, as written. */
  ssh?: unknown;
  labels?: StringMap;
  cache_from?: string[];
  cache_to?: string[];
  no_cache?: boolean;
  additional_contexts?: StringMap;
  pull?: boolean;
  extra_hosts?: string[];
  isolation?: string;
  network?: string;
  target?: string;
  secrets?: FileReferenceConfig[];
  shm_size?: string;
  tags?: string[];
  ulimits?: Record<string, UlimitConfig>;
  platforms?: string[];
  privileged?: boolean;
}

export interface ServiceHookConfig {
  command?: string[] | null;
  user?: string;
  privileged?: boolean;
  working_dir?: string;
  environment?: EnvironmentMap;
}

export interface UpdateConfig {
  parallelism?: number;
  delay?: string;
  failure_action?: string;
  monitor?: string;
  max_failure_ratio?: number;
  order?: string;
}

export interface DeployConfig {
  mode?: string;
  replicas?: number;
  labels?: StringMap;
  update_config?: UpdateConfig;
  rollback_config?: UpdateConfig;
  resources?: { limits?: ResourceConfig; reservations?: ResourceConfig };
  restart_policy?: { condition?: string; delay?: string; max_attempts?: number; window?: string };
  placement?: { constraints?: string[]; preferences?: unknown; max_replicas_per_node?: number };
  endpoint_mode?: string;
}

export interface LoggingConfig {
  driver?: string;
  options?: StringMap;
}

export interface DeviceMappingConfig {
  source: string;
  target?: string;
  permissions?: string;
}

export interface EnvFileConfig {
  path: string;
  required: boolean;
  format?: string;
}

export interface WatchTriggerConfig {
  path: string;
  action: string;
  target?: string;
  exec: ServiceHookConfig;
  ignore?: string[];
}

export interface BlkioConfig {
  weight?: number;
  weight_device?: unknown;
  device_read_bps?: unknown;
  device_read_iops?: unknown;
  device_write_bps?: unknown;
  device_write_iops?: unknown;
}

export interface ComposeService {
  profiles?: string[];
  annotations?: StringMap;
  attach?: boolean;
  build?: BuildConfig;
  develop?: { watch?: WatchTriggerConfig[] };
  blkio_config?: BlkioConfig;
  cap_add?: string[];
  cap_drop?: string[];
  cgroup_parent?: string;
  cgroup?: string;
  cpu_count?: number;
  cpu_percent?: number;
  cpu_period?: number;
  cpu_quota?: number;
  cpu_rt_period?: number;
  cpu_rt_runtime?: number;
  cpus?: number;
  cpuset?: string;
  cpu_shares?: number;
  command: string[] | null;
  configs?: FileReferenceConfig[];
  container_name?: string;
  credential_spec?: { config?: string; file?: string; registry?: string };
  depends_on?: Record<string, DependencyConfig>;
  deploy?: DeployConfig;
  device_cgroup_rules?: string[];
  devices?: DeviceMappingConfig[];
  dns?: string[];
  dns_opt?: string[];
  dns_search?: string[];
  dockerfile?: string;
  domainname?: string;
  entrypoint: string[] | null;
  environment?: EnvironmentMap;
  /** Only until the loader has read the files into `environment`. */
  env_file?: EnvFileConfig[];
  expose?: string[];
  extends?: { file?: string; service?: string };
  external_links?: string[];
  extra_hosts?: string[];
  group_add?: string[];
  gpus?: DeviceRequestConfig[];
  hostname?: string;
  healthcheck?: HealthcheckConfig;
  image?: string;
  init?: boolean;
  ipc?: string;
  isolation?: string;
  labels?: StringMap;
  label_file?: string[];
  links?: string[];
  logging?: LoggingConfig;
  log_driver?: string;
  log_opt?: StringMap;
  mem_limit?: string;
  mem_reservation?: string;
  memswap_limit?: string;
  mem_swappiness?: string;
  mac_address?: string;
  net?: string;
  network_mode?: string;
  networks?: Record<string, ServiceNetworkConfig | null>;
  oom_kill_disable?: boolean;
  oom_score_adj?: number;
  pid?: string;
  pids_limit?: number;
  platform?: string;
  ports?: PortConfig[];
  privileged?: boolean;
  pull_policy?: string;
  read_only?: boolean;
  restart?: string;
  runtime?: string;
  scale?: number;
  secrets?: FileReferenceConfig[];
  security_opt?: string[];
  shm_size?: string;
  stdin_open?: boolean;
  stop_grace_period?: string;
  stop_signal?: string;
  storage_opt?: StringMap;
  sysctls?: StringMap;
  tmpfs?: string[];
  tty?: boolean;
  ulimits?: Record<string, UlimitConfig>;
  user?: string;
  userns_mode?: string;
  uts?: string;
  volume_driver?: string;
  volumes?: ServiceVolumeConfig[];
  volumes_from?: string[];
  working_dir?: string;
  post_start?: ServiceHookConfig[];
  pre_stop?: ServiceHookConfig[];
}
