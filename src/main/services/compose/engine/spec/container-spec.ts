/** One service container as the Engine API's create request: the service model mapped field by field. */
import type Docker from 'dockerode';
import { type ComposeProject, serviceOf } from '../../model/project';
import { configHash } from '../../hash/config-hash';
import { containerName, imageOf } from '../naming';
import type { ComposeService } from '../../model/service';
import { containerLabels } from './container-labels';
import { deviceRequests } from './device-requests';
import { containerMounts } from './mounts';
import { serviceNetworking, type EndpointSettings } from './networking';
import { exposedPorts, portBindings } from './ports';
import { healthcheck, resourceSettings, restartPolicy } from './runtime-settings';
import { engineVolumesFrom, resolveServiceReferences } from './service-references';
import { bytes, seconds } from './units';

export interface ContainerSpecInput {
  project: ComposeProject;
  service: string;
  number: number;
  /** The ID of the image the container runs (the `com.docker.compose.image` label). */
  imageId: string;
  /** Container ID of a service this one shares a namespace or volumes with. */
  containerIdOf: (service: string) => string;
  /** Anonymous volumes of the container being replaced, by target, so their data survives a recreate. */
  previousAnonymousVolumes?: Map<string, string>;
}

export interface ContainerSpec {
  name: string;
  configHash: string;
  create: Docker.ContainerCreateOptions;
  /** Networks joined after create, in order. */
  laterEndpoints: [string, EndpointSettings][];
}

/** The config hash a service's container should carry, with service references resolved as Compose does. */
export function expectedConfigHash(
  project: ComposeProject,
  service: string,
  containerIdOf: (service: string) => string,
): string {
  const resolved = resolveServiceReferences(serviceOf(project, service), containerIdOf);
  return configHash(withoutAbsentDependencies(resolved, project));
}

/**
 * Compose runs a project without the services its profiles leave out, and drops the `required: false`
 * dependencies on them before it hashes a service; so does Berth, or such services would always look changed.
 */
function withoutAbsentDependencies(config: ComposeService, project: ComposeProject): ComposeService {
  if (config.depends_on === undefined) return config;
  const present = Object.entries(config.depends_on).filter(([name]) => Object.hasOwn(project.model.services, name));
  if (present.length === Object.keys(config.depends_on).length) return config;
  const { depends_on: _all, ...rest } = config;
  return present.length === 0 ? rest : { ...rest, depends_on: Object.fromEntries(present) };
}

export function containerSpec(input: ContainerSpecInput): ContainerSpec {
  const { project, service, number } = input;
  const raw = project.model.services[service]!;
  const config = resolveServiceReferences(raw, input.containerIdOf);
  const name = containerName(project.name, service, number, config);
  const hash = expectedConfigHash(project, service, input.containerIdOf);
  const networking = serviceNetworking(project, service, name, config, config.network_mode);
  const [firstEndpoint, ...laterEndpoints] = networking.endpoints;
  const mounts = containerMounts(project, config, input.previousAnonymousVolumes);
  const labels = {
    ...config.labels,
    ...containerLabels(project, { service, number, configHash: hash, imageId: input.imageId }),
  };
  const requests = deviceRequests(config);

  const create: Docker.ContainerCreateOptions = {
    name,
    ...(config.platform ? { platform: config.platform } : {}),
    Image: imageOf(project.name, service, config),
    Hostname: config.hostname,
    Domainname: config.domainname,
    User: config.user,
    AttachStdout: true,
    AttachStderr: true,
    Tty: config.tty ?? false,
    OpenStdin: config.stdin_open ?? false,
    ExposedPorts: exposedPorts(config),
    Env: environment(config),
    Cmd: config.command ?? undefined,
    Entrypoint: config.entrypoint ?? undefined,
    Healthcheck: healthcheck(config),
    WorkingDir: config.working_dir,
    Labels: labels,
    StopSignal: config.stop_signal,
    StopTimeout: seconds(config.stop_grace_period),
    MacAddress: config.mac_address,
    HostConfig: {
      Binds: mounts.binds.length ? mounts.binds : undefined,
      Mounts: mounts.mounts.length ? mounts.mounts : undefined,
      Tmpfs: tmpfs(config),
      LogConfig: config.logging
        ? { Type: config.logging.driver ?? '', Config: config.logging.options ?? {} }
        : undefined,
      NetworkMode: networking.networkMode,
      PortBindings: portBindings(config),
      RestartPolicy: restartPolicy(config),
      VolumesFrom: engineVolumesFrom(config.volumes_from),
      CapAdd: config.cap_add,
      CapDrop: config.cap_drop,
      Dns: config.dns,
      DnsOptions: config.dns_opt,
      DnsSearch: config.dns_search,
      ExtraHosts: config.extra_hosts?.map(engineExtraHost),
      GroupAdd: config.group_add,
      IpcMode: config.ipc,
      PidMode: config.pid,
      UTSMode: config.uts,
      UsernsMode: config.userns_mode,
      Cgroup: config.cgroup,
      CgroupParent: config.cgroup_parent,
      Privileged: config.privileged ?? false,
      ReadonlyRootfs: config.read_only ?? false,
      SecurityOpt: config.security_opt,
      StorageOpt: config.storage_opt,
      Sysctls: config.sysctls,
      ShmSize: bytes(config.shm_size),
      Init: config.init,
      Runtime: config.runtime,
      Isolation: config.isolation,
      OomScoreAdj: config.oom_score_adj,
      Devices: config.devices?.map((device) => ({
        PathOnHost: device.source,
        PathInContainer: device.target ?? device.source,
        CgroupPermissions: device.permissions ?? 'rwm',
      })),
      DeviceCgroupRules: config.device_cgroup_rules,
      DeviceRequests: requests.length ? requests : undefined,
      ...resourceSettings(config),
    },
    NetworkingConfig: firstEndpoint ? { EndpointsConfig: { [firstEndpoint[0]]: firstEndpoint[1] } } : undefined,
  };
  return { name, configHash: hash, create: withoutUndefined(create), laterEndpoints };
}

function environment(config: ComposeService): string[] | undefined {
  const entries = Object.entries(config.environment ?? {}).filter(
    (entry): entry is [string, string] => entry[1] !== null,
  );
  return entries.length ? entries.map(([key, value]) => `${key}=${value}`) : undefined;
}

/** `tmpfs: [/run:size=16m]` → `{ "/run": "size=16m" }`. */
function tmpfs(config: ComposeService): Record<string, string> | undefined {
  if (!config.tmpfs?.length) return undefined;
  return Object.fromEntries(
    config.tmpfs.map((entry) => {
      const colon = entry.indexOf(':');
      return colon === -1 ? [entry, ''] : [entry.slice(0, colon), entry.slice(colon + 1)];
    }),
  );
}

/** The model writes `host=ip` (compose-go's canonical form); the engine takes `host:ip`. */
function engineExtraHost(entry: string): string {
  const equals = entry.indexOf('=');
  return equals === -1 ? entry : `${entry.slice(0, equals)}:${entry.slice(equals + 1)}`;
}

function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined) continue;
    out[key] =
      entry && typeof entry === 'object' && !Array.isArray(entry) && key === 'HostConfig'
        ? withoutUndefined(entry)
        : entry;
  }
  return out as T;
}
