/** The Compose settings of a service that an export leaves out: each one reported, with what to do instead. */
import type { ComposeService } from '../compose/model/service';
import type { ExportContext } from './export-context';

const UNMAPPED: Partial<Record<keyof ComposeService, string>> = {
  build: 'Kubernetes runs images: build and push it, then use that name',
  network_mode: 'pods have their own network; containers sharing a namespace belong in one pod',
  depends_on: 'Kubernetes starts pods in no order: make the service retry, or add an init container that waits',
  links: 'not needed: Services are reachable by name',
  external_links: 'reach outside services through an ExternalName Service',
  container_name: 'pods are named by their workload',
  ipc: 'no per-container IPC namespace setting',
  pid: 'use hostPID or shareProcessNamespace in the pod spec',
  uts: 'no UTS namespace setting',
  userns_mode: "use the pod's hostUsers",
  cgroup: 'no cgroup namespace setting',
  cgroup_parent: 'no cgroup parent setting',
  devices: 'host devices need a device plugin',
  device_cgroup_rules: 'host devices need a device plugin',
  dns_opt: 'set dnsConfig.options in the pod spec',
  domainname: 'set subdomain in the pod spec',
  mac_address: 'not supported',
  runtime: 'use a RuntimeClass',
  isolation: 'not supported',
  logging: 'logs are collected by the cluster',
  security_opt: 'use the securityContext (seccompProfile, appArmorProfile, seLinuxOptions)',
  sysctls: 'set securityContext.sysctls on the pod (only safe sysctls are allowed by default)',
  ulimits: 'no per-container ulimits',
  shm_size: 'mount an emptyDir with medium Memory at /dev/shm',
  storage_opt: 'not supported',
  oom_kill_disable: 'not supported',
  oom_score_adj: "set through the pod's QoS class",
  pids_limit: 'pid limits are set per node',
  cpu_shares: 'use resources.requests.cpu',
  cpu_quota: 'use resources.limits.cpu',
  cpu_period: 'use resources.limits.cpu',
  cpuset: "use the CPU manager's static policy",
  memswap_limit: 'no swap limit',
  mem_swappiness: 'no swappiness setting',
  blkio_config: 'no block I/O limits',
  group_add: 'set securityContext.supplementalGroups',
  stop_signal: 'set lifecycle.stopSignal (Kubernetes 1.33+) or handle SIGTERM',
  post_start: 'use lifecycle.postStart',
  pre_stop: 'use lifecycle.preStop',
  develop: 'compose watch does not apply',
  profiles: 'only the services of the active profiles are exported',
  platform: 'use a nodeSelector on kubernetes.io/arch',
  pull_policy: 'set imagePullPolicy',
  annotations: 'set them as pod annotations',
};

export function reportUnmapped(
  context: ExportContext,
  name: string,
  service: ComposeService,
  replicated: boolean,
): void {
  for (const [property, advice] of Object.entries(UNMAPPED)) {
    const value = service[property as keyof ComposeService];
    if (value === undefined || value === null || value === false) continue;
    if (property === 'depends_on' && !Object.keys(value as object).length) continue;
    context.note(name, property, 'unmapped', advice);
  }
  const networks = Object.keys(service.networks ?? {}).filter((network) => network !== 'default');
  if (networks.length)
    context.note(
      name,
      'networks',
      'unmapped',
      `${networks.join(', ')}: pods share one network; isolate with NetworkPolicies`,
    );
  for (const [network, settings] of Object.entries(service.networks ?? {})) {
    if (settings?.aliases?.length)
      context.note(name, `networks.${network}.aliases`, 'unmapped', 'add Services with those names');
  }
  if (service.restart && service.restart !== 'always' && service.restart !== 'unless-stopped')
    context.note(
      name,
      'restart',
      'unmapped',
      `restart: ${service.restart} — Deployment pods always restart; use a Job for run-once work`,
    );
  if (service.deploy?.restart_policy?.condition && service.deploy.restart_policy.condition !== 'any')
    context.note(
      name,
      'deploy.restart_policy',
      'unmapped',
      'Deployment pods always restart; use a Job for run-once work',
    );
  for (const property of ['update_config', 'rollback_config'] as const) {
    if (service.deploy?.[property])
      context.note(name, `deploy.${property}`, 'unmapped', "set the workload's update strategy");
  }
  if (service.deploy?.placement?.constraints?.length || service.deploy?.placement?.preferences)
    context.note(name, 'deploy.placement', 'unmapped', 'use nodeSelector, affinity or topologySpreadConstraints');
  if (service.deploy?.mode && service.deploy.mode !== 'replicated')
    context.note(
      name,
      'deploy.mode',
      'unmapped',
      `${service.deploy.mode}: exported as ${replicated ? 'a replicated workload' : 'one'}; use a DaemonSet or a Job`,
    );
  if (service.deploy?.endpoint_mode === 'dnsrr')
    context.note(name, 'deploy.endpoint_mode', 'converted', 'dnsrr → a headless Service');
  for (const port of service.ports ?? []) {
    if (port.host_ip)
      context.note(name, 'ports', 'unmapped', `host_ip ${port.host_ip}: a LoadBalancer listens on its own addresses`);
  }
}
