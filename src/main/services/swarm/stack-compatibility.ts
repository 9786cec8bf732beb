/**
 * What Swarm does with each service's settings, said before deploying, as `docker stack deploy` warns ("Ignoring
 * unsupported options", "Ignoring deprecated options") and refuses (its forbidden properties), plus the settings the
 * docker CLI drops without a word. Nothing is dropped silently: each one is a finding.
 */
import type { ComposeService } from '../compose/model/service';
import type { StackFinding } from './stack-findings';

/** The docker CLI's unsupported properties: the service deploys without them. */
const UNSUPPORTED: Partial<Record<keyof ComposeService, string>> = {
  build: 'Swarm does not build images; build and push the image first',
  cgroup_parent: 'not supported by Swarm',
  devices: 'Swarm services cannot map host devices',
  domainname: 'not supported by Swarm',
  external_links: 'not supported by Swarm',
  ipc: 'not supported by Swarm',
  links: 'not needed: services on a shared network reach each other by name',
  mac_address: 'not supported by Swarm',
  network_mode: "Swarm services join the stack's networks instead",
  pid: 'not supported by Swarm',
  privileged: 'Swarm services cannot run privileged',
  security_opt: 'not supported by Swarm',
  shm_size: 'not supported by Swarm',
  userns_mode: 'not supported by Swarm',
};

/** The docker CLI's deprecated properties. */
const DEPRECATED: Partial<Record<keyof ComposeService, string>> = {
  container_name: 'Setting the container name is not supported.',
  expose:
    "Exposing ports is unnecessary - services on the same network can access each other's containers on any port.",
};

/** The docker CLI's forbidden properties: it refuses the stack, and so does Berth. */
const FORBIDDEN: Partial<Record<keyof ComposeService, string>> = {
  volume_driver:
    'Instead of setting the volume driver on the service, define a volume using the top-level `volumes` option and specify the driver there.',
  volumes_from:
    'To share a volume between services, define it using the top-level `volumes` option and reference it from each service that shares it using the service-level `volumes` option.',
  cpu_quota: 'Set resource limits using deploy.resources',
  cpu_shares: 'Set resource limits using deploy.resources',
  cpuset: 'Set resource limits using deploy.resources',
  mem_limit: 'Set resource limits using deploy.resources',
  memswap_limit: 'Set resource limits using deploy.resources',
};

/** Settings the docker CLI drops without warning; Berth says so. */
const SILENTLY_DROPPED: Partial<Record<keyof ComposeService, string>> = {
  blkio_config: 'not supported by Swarm',
  cgroup: 'not supported by Swarm',
  cpus: 'use deploy.resources.limits.cpus',
  cpu_count: 'not supported by Swarm',
  cpu_percent: 'not supported by Swarm',
  cpu_period: 'not supported by Swarm',
  cpu_rt_period: 'not supported by Swarm',
  cpu_rt_runtime: 'not supported by Swarm',
  device_cgroup_rules: 'not supported by Swarm',
  group_add: 'not supported by Swarm',
  mem_reservation: 'use deploy.resources.reservations.memory',
  mem_swappiness: 'not supported by Swarm',
  oom_kill_disable: 'not supported by Swarm',
  pids_limit: 'use deploy.resources.limits.pids',
  platform: 'use deploy.placement.constraints (node.platform.arch)',
  post_start: 'lifecycle hooks are not supported by Swarm',
  pre_stop: 'lifecycle hooks are not supported by Swarm',
  pull_policy: 'Swarm pulls on every node as needed',
  runtime: 'not supported by Swarm',
  storage_opt: 'not supported by Swarm',
  tmpfs: 'use a `type: tmpfs` entry under volumes',
  uts: 'not supported by Swarm',
  develop: 'compose watch does not apply to a stack',
};

export function checkServiceCompatibility(name: string, service: ComposeService): StackFinding[] {
  const findings: StackFinding[] = [];
  const has = (property: keyof ComposeService) => {
    const value = service[property];
    return value !== undefined && value !== null && value !== false;
  };
  const add = (property: string, level: StackFinding['level'], message: string) =>
    findings.push({ service: name, property, level, message });

  if (!service.image) add('image', 'error', 'no image: Swarm cannot build; build and push an image and set `image:`');
  for (const [property, message] of Object.entries(FORBIDDEN))
    if (has(property as keyof ComposeService)) add(property, 'error', message);
  for (const [property, message] of Object.entries(UNSUPPORTED))
    if (has(property as keyof ComposeService)) add(property, 'ignored', message);
  for (const [property, message] of Object.entries(DEPRECATED))
    if (has(property as keyof ComposeService)) add(property, 'ignored', message);
  for (const [property, message] of Object.entries(SILENTLY_DROPPED))
    if (has(property as keyof ComposeService)) add(property, 'ignored', message);

  if (service.restart && service.deploy?.restart_policy)
    add('restart', 'ignored', 'deploy.restart_policy takes precedence');
  else if (service.restart)
    add('restart', 'converted', 'used as the restart policy (deploy.restart_policy is preferred)');
  if (service.depends_on && Object.keys(service.depends_on).length) {
    const conditions = Object.values(service.depends_on).some(
      (dependency) => dependency.condition !== 'service_started',
    );
    add(
      'depends_on',
      'ignored',
      conditions
        ? 'Swarm starts services in no order and has no depends_on conditions; make the service retry until what it needs answers'
        : 'Swarm starts services in no order',
    );
  }
  for (const port of service.ports ?? []) {
    if (port.host_ip)
      add('ports', 'ignored', `host_ip ${port.host_ip} of port ${port.target}: Swarm publishes on every address`);
  }
  for (const volume of service.volumes ?? []) {
    if (volume.type === 'bind')
      add(
        'volumes',
        'converted',
        `bind mount of ${volume.source}: the path must exist on every node the task may run on`,
      );
  }
  return findings;
}
