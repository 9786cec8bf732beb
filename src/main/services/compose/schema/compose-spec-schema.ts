/**
 * JSON Schema (draft-07) of the Compose file format, written for Berth from the published Compose Specification
 * schema as shipped with compose-go v2.4.8 (`schema/compose-spec.json`, https://github.com/compose-spec/compose-spec),
 * the version the reference Compose 2.26.1 CLI validates with. It states the same interface — which keys exist
 * and which types they accept — built with small helpers instead of one literal document.
 * Descriptions are left out: errors are worded by validate-schema.ts.
 */
type Schema = Record<string, unknown>;

const EXTENSIONS = { '^x-': {} };
const NAME_KEYS = '^[a-zA-Z0-9._-]+$';

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const type = (...names: string[]): Schema => ({ type: names.length === 1 ? names[0] : names });
const string = type('string');
const stringArray: Schema = { type: 'array', items: string };
const boolish = type('boolean', 'string');
const integerish = type('integer', 'string');
const numberish = type('number', 'string');
const oneOf = (...schemas: Schema[]): Schema => ({ oneOf: schemas });
const enumOf = (...values: string[]): Schema => ({ type: 'string', enum: values });

/** An object with known keys, `x-` extensions allowed, anything else rejected. */
function strict(properties: Record<string, Schema>, extra: Schema = {}): Schema {
  return { type: 'object', properties, additionalProperties: false, patternProperties: EXTENSIONS, ...extra };
}

/** An object with known keys and nothing else (not even extensions). */
function closed(properties: Record<string, Schema>, extra: Schema = {}): Schema {
  return { type: 'object', properties, additionalProperties: false, ...extra };
}

const mapOf = (valueSchema: Schema): Schema => ({ type: 'object', patternProperties: { '^.+$': valueSchema } });
const namedMap = (valueSchema: Schema): Schema => ({
  type: 'object',
  patternProperties: { [NAME_KEYS]: valueSchema },
  additionalProperties: false,
});

const updateConfig = strict({
  parallelism: integerish,
  delay: string,
  failure_action: string,
  monitor: string,
  max_failure_ratio: numberish,
  order: enumOf('start-first', 'stop-first'),
});

const deviceRequest = {
  capabilities: ref('list_of_strings'),
  count: type('string', 'integer'),
  device_ids: ref('list_of_strings'),
  driver: string,
  options: ref('list_or_dict'),
};

const externalResource: Schema = { type: ['boolean', 'string', 'object'], properties: { name: string } };

const build = oneOf(
  string,
  strict({
    context: string,
    dockerfile: string,
    dockerfile_inline: string,
    entitlements: stringArray,
    args: ref('list_or_dict'),
    ssh: ref('list_or_dict'),
    labels: ref('list_or_dict'),
    cache_from: stringArray,
    cache_to: stringArray,
    no_cache: boolish,
    additional_contexts: ref('list_or_dict'),
    network: string,
    pull: boolish,
    target: string,
    shm_size: integerish,
    extra_hosts: ref('extra_hosts'),
    isolation: string,
    privileged: boolish,
    secrets: ref('service_config_or_secret'),
    tags: stringArray,
    ulimits: ref('ulimits'),
    platforms: stringArray,
  }),
);

const serviceVolume = oneOf(
  string,
  strict(
    {
      type: string,
      source: string,
      target: string,
      read_only: boolish,
      consistency: string,
      bind: strict({
        propagation: string,
        create_host_path: boolish,
        recursive: enumOf('enabled', 'disabled', 'writable', 'readonly'),
        selinux: enumOf('z', 'Z'),
      }),
      volume: strict({ nocopy: boolish, subpath: string }),
      tmpfs: strict({ size: oneOf({ type: 'integer', minimum: 0 }, string), mode: numberish }),
    },
    { required: ['type'] },
  ),
);

const servicePort = oneOf(
  type('number'),
  string,
  strict({
    name: string,
    mode: string,
    host_ip: string,
    target: integerish,
    published: type('string', 'integer'),
    protocol: string,
    app_protocol: string,
  }),
);

const dependsOn = oneOf(ref('list_of_strings'), {
  type: 'object',
  additionalProperties: false,
  patternProperties: {
    [NAME_KEYS]: strict(
      {
        restart: boolish,
        required: type('boolean'),
        condition: enumOf('service_started', 'service_healthy', 'service_completed_successfully'),
      },
      { required: ['condition'] },
    ),
  },
});

const serviceNetworks = oneOf(ref('list_of_strings'), {
  type: 'object',
  patternProperties: {
    [NAME_KEYS]: oneOf(
      strict({
        aliases: ref('list_of_strings'),
        ipv4_address: string,
        ipv6_address: string,
        link_local_ips: ref('list_of_strings'),
        mac_address: string,
        driver_opts: mapOf(type('string', 'number')),
        priority: type('number'),
        gw_priority: type('number'),
      }),
      type('null'),
    ),
  },
  additionalProperties: false,
});

const service = strict({
  develop: ref('development'),
  deploy: ref('deployment'),
  annotations: ref('list_or_dict'),
  attach: boolish,
  build,
  blkio_config: closed({
    device_read_bps: { type: 'array', items: ref('blkio_limit') },
    device_read_iops: { type: 'array', items: ref('blkio_limit') },
    device_write_bps: { type: 'array', items: ref('blkio_limit') },
    device_write_iops: { type: 'array', items: ref('blkio_limit') },
    weight: integerish,
    weight_device: { type: 'array', items: ref('blkio_weight') },
  }),
  cap_add: stringArray,
  cap_drop: stringArray,
  cgroup: enumOf('host', 'private'),
  cgroup_parent: string,
  command: ref('command'),
  configs: ref('service_config_or_secret'),
  container_name: string,
  cpu_count: oneOf(string, { type: 'integer', minimum: 0 }),
  cpu_percent: oneOf(string, { type: 'integer', minimum: 0, maximum: 100 }),
  cpu_shares: numberish,
  cpu_quota: numberish,
  cpu_period: numberish,
  cpu_rt_period: numberish,
  cpu_rt_runtime: numberish,
  cpus: numberish,
  cpuset: string,
  credential_spec: strict({ config: string, file: string, registry: string }),
  depends_on: dependsOn,
  device_cgroup_rules: ref('list_of_strings'),
  devices: {
    type: 'array',
    items: oneOf(string, strict({ source: string, target: string, permissions: string }, { required: ['source'] })),
  },
  dns: ref('string_or_list'),
  dns_opt: { type: 'array', items: string, uniqueItems: true },
  dns_search: ref('string_or_list'),
  domainname: string,
  entrypoint: ref('command'),
  env_file: ref('env_file'),
  label_file: ref('label_file'),
  environment: ref('list_or_dict'),
  expose: { type: 'array', items: type('string', 'number'), uniqueItems: true },
  extends: oneOf(string, closed({ service: string, file: string }, { required: ['service'] })),
  external_links: { type: 'array', items: string, uniqueItems: true },
  extra_hosts: ref('extra_hosts'),
  gpus: ref('gpus'),
  group_add: { type: 'array', items: type('string', 'number'), uniqueItems: true },
  healthcheck: ref('healthcheck'),
  hostname: string,
  image: string,
  init: boolish,
  ipc: string,
  isolation: string,
  labels: ref('list_or_dict'),
  links: { type: 'array', items: string, uniqueItems: true },
  logging: strict({
    driver: string,
    options: { type: 'object', patternProperties: { '^.+$': type('string', 'number', 'null') } },
  }),
  mac_address: string,
  mem_limit: numberish,
  mem_reservation: type('string', 'integer'),
  mem_swappiness: type('integer', 'string'),
  memswap_limit: numberish,
  network_mode: string,
  networks: serviceNetworks,
  oom_kill_disable: boolish,
  oom_score_adj: oneOf(string, { type: 'integer', minimum: -1000, maximum: 1000 }),
  pid: type('string', 'null'),
  pids_limit: numberish,
  platform: string,
  ports: { type: 'array', items: servicePort, uniqueItems: true },
  post_start: { type: 'array', items: ref('service_hook') },
  pre_stop: { type: 'array', items: ref('service_hook') },
  privileged: boolish,
  profiles: ref('list_of_strings'),
  pull_policy: string,
  read_only: boolish,
  restart: string,
  runtime: string,
  scale: integerish,
  security_opt: { type: 'array', items: string, uniqueItems: true },
  shm_size: numberish,
  secrets: ref('service_config_or_secret'),
  sysctls: ref('list_or_dict'),
  stdin_open: boolish,
  stop_grace_period: string,
  stop_signal: string,
  storage_opt: { type: 'object' },
  tmpfs: ref('string_or_list'),
  tty: boolish,
  ulimits: ref('ulimits'),
  user: string,
  uts: string,
  userns_mode: string,
  volumes: { type: 'array', items: serviceVolume, uniqueItems: true },
  volumes_from: { type: 'array', items: string, uniqueItems: true },
  working_dir: string,
});

const definitions: Record<string, Schema> = {
  service,
  healthcheck: strict({
    disable: boolish,
    interval: string,
    retries: numberish,
    test: oneOf(string, stringArray),
    timeout: string,
    start_period: string,
    start_interval: string,
  }),
  development: {
    ...strict({
      watch: {
        type: 'array',
        items: strict(
          {
            ignore: stringArray,
            path: string,
            action: enumOf('rebuild', 'sync', 'restart', 'sync+restart', 'sync+exec'),
            target: string,
            exec: ref('service_hook'),
          },
          { required: ['path', 'action'] },
        ),
      },
    }),
    type: ['object', 'null'],
  },
  deployment: {
    ...strict({
      mode: string,
      endpoint_mode: string,
      replicas: integerish,
      labels: ref('list_or_dict'),
      rollback_config: updateConfig,
      update_config: updateConfig,
      resources: strict({
        limits: strict({ cpus: numberish, memory: string, pids: integerish }),
        reservations: strict({
          cpus: numberish,
          memory: string,
          generic_resources: ref('generic_resources'),
          devices: ref('devices'),
        }),
      }),
      restart_policy: strict({ condition: string, delay: string, max_attempts: integerish, window: string }),
      placement: strict({
        constraints: stringArray,
        preferences: { type: 'array', items: strict({ spread: string }) },
        max_replicas_per_node: integerish,
      }),
    }),
    type: ['object', 'null'],
  },
  generic_resources: {
    type: 'array',
    items: strict({ discrete_resource_spec: strict({ kind: string, value: numberish }) }),
  },
  devices: { type: 'array', items: strict(deviceRequest, { required: ['capabilities'] }) },
  gpus: oneOf(enumOf('all'), {
    type: 'array',
    items: { type: 'object', properties: deviceRequest },
    additionalProperties: false,
    patternProperties: EXTENSIONS,
  }),
  include: oneOf(
    string,
    closed({ path: ref('string_or_list'), env_file: ref('string_or_list'), project_directory: string }),
  ),
  network: {
    ...strict({
      name: string,
      driver: string,
      driver_opts: mapOf(type('string', 'number')),
      ipam: strict({
        driver: string,
        config: {
          type: 'array',
          items: strict({
            subnet: string,
            ip_range: string,
            gateway: string,
            aux_addresses: { type: 'object', additionalProperties: false, patternProperties: { '^.+$': string } },
          }),
        },
        options: { type: 'object', additionalProperties: false, patternProperties: { '^.+$': string } },
      }),
      external: { ...externalResource, additionalProperties: false, patternProperties: EXTENSIONS },
      internal: boolish,
      enable_ipv4: boolish,
      enable_ipv6: boolish,
      attachable: boolish,
      labels: ref('list_or_dict'),
    }),
    type: ['object', 'null'],
  },
  volume: {
    ...strict({
      name: string,
      driver: string,
      driver_opts: mapOf(type('string', 'number')),
      external: { ...externalResource, additionalProperties: false, patternProperties: EXTENSIONS },
      labels: ref('list_or_dict'),
    }),
    type: ['object', 'null'],
  },
  secret: strict({
    name: string,
    environment: string,
    file: string,
    external: externalResource,
    labels: ref('list_or_dict'),
    driver: string,
    driver_opts: mapOf(type('string', 'number')),
    template_driver: string,
  }),
  config: strict({
    name: string,
    content: string,
    environment: string,
    file: string,
    external: externalResource,
    labels: ref('list_or_dict'),
    template_driver: string,
  }),
  command: oneOf(type('null'), string, stringArray),
  service_hook: strict({
    command: ref('command'),
    user: string,
    privileged: boolish,
    working_dir: string,
    environment: ref('list_or_dict'),
  }),
  env_file: oneOf(string, {
    type: 'array',
    items: oneOf(string, closed({ path: string, format: string, required: boolish }, { required: ['path'] })),
  }),
  label_file: oneOf(string, stringArray),
  string_or_list: oneOf(string, ref('list_of_strings')),
  list_of_strings: { type: 'array', items: string, uniqueItems: true },
  list_or_dict: oneOf(
    {
      type: 'object',
      patternProperties: { '.+': type('string', 'number', 'boolean', 'null') },
      additionalProperties: false,
    },
    { type: 'array', items: string, uniqueItems: true },
  ),
  extra_hosts: oneOf(
    { type: 'object', patternProperties: { '.+': oneOf(string, stringArray) }, additionalProperties: false },
    { type: 'array', items: string, uniqueItems: true },
  ),
  blkio_limit: closed({ path: string, rate: integerish }),
  blkio_weight: closed({ path: string, weight: integerish }),
  service_config_or_secret: {
    type: 'array',
    items: oneOf(string, strict({ source: string, target: string, uid: string, gid: string, mode: numberish })),
  },
  ulimits: {
    type: 'object',
    patternProperties: {
      '^[a-z]+$': oneOf(integerish, strict({ hard: integerish, soft: integerish }, { required: ['soft', 'hard'] })),
    },
  },
};

export const COMPOSE_SPEC_SCHEMA: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'compose_spec.json',
  type: 'object',
  properties: {
    version: string,
    name: string,
    include: { type: 'array', items: ref('include') },
    services: namedMap(ref('service')),
    networks: { type: 'object', patternProperties: { [NAME_KEYS]: ref('network') } },
    volumes: namedMap(ref('volume')),
    secrets: namedMap(ref('secret')),
    configs: namedMap(ref('config')),
  },
  patternProperties: EXTENSIONS,
  additionalProperties: false,
  definitions,
};
