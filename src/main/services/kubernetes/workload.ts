/**
 * One Compose service as a workload: a Deployment, or a StatefulSet when it keeps data in named volumes, with one
 * container carrying the image, command, environment, ports, resources, probes and mounts.
 */
import { nanoseconds } from '../compose/engine/spec/units';
import type { ComposeService } from '../compose/model/service';
import { environmentOf } from './environment';
import type { ExportContext } from './export-context';
import { mountFileObjects } from './file-objects';
import { projectLabels, selectorLabels, type KubeObject } from './kube-object';
import { isValidLabel } from './kube-names';
import { mountServiceVolumes } from './persistent-volumes';
import { PodStorage } from './pod-volumes';
import { probeFrom } from './probes';
import { resourcesFrom } from './resources';
import { containerPorts } from './service-ports';

export interface ServiceWorkload {
  workload: KubeObject;
  /** The Secret of the service's secret-looking environment values. */
  envSecret?: KubeObject;
  stateful: boolean;
}

export function replicasOf(service: ComposeService): number {
  return service.deploy?.replicas ?? service.scale ?? 1;
}

export function workloadOf(
  context: ExportContext,
  name: string,
  service: ComposeService,
  governingService: string,
): ServiceWorkload {
  const k8sName = context.serviceName(name);
  const storage = new PodStorage(context, name);
  mountServiceVolumes(storage, service);
  mountFileObjects(storage, 'configs', service);
  mountFileObjects(storage, 'secrets', service);
  const stateful = storage.volumes.some((volume) => volume.persistentVolumeClaim);
  const { env, secret } = environmentOf(context, name, service);
  const probe = probeFrom(context, name, service.healthcheck);
  let image = service.image;
  if (!image) {
    image = `${context.project.name}-${name}`;
    context.note(
      name,
      'image',
      'converted',
      `no image: uses ${image}, the name Compose builds; push it to a registry the cluster can pull from`,
    );
  }
  const container = compact({
    name: k8sName,
    image,
    command: service.entrypoint ?? undefined,
    args: service.command ?? undefined,
    workingDir: service.working_dir,
    env: env.length ? env : undefined,
    ports: containerPorts(context, name, service),
    resources: resourcesFrom(context, name, service),
    readinessProbe: probe,
    livenessProbe: probe,
    securityContext: securityContextOf(context, name, service),
    volumeMounts: storage.mounts.length ? storage.mounts.map(compact) : undefined,
    tty: service.tty || undefined,
    stdin: service.stdin_open || undefined,
  });
  const { labels, annotations } = splitLabels(service.labels);
  const selector = selectorLabels(context.projectLabel, k8sName);
  const podSpec = compact({
    hostname: service.hostname,
    hostAliases: hostAliases(service.extra_hosts),
    dnsConfig:
      service.dns?.length || service.dns_search?.length
        ? compact({ nameservers: service.dns, searches: service.dns_search })
        : undefined,
    terminationGracePeriodSeconds: seconds(service.stop_grace_period),
    containers: [container],
    volumes: storage.volumes.length ? storage.volumes.map(compact) : undefined,
  });
  const deployLabels = splitLabels(service.deploy?.labels);
  const metadata = compact({
    name: k8sName,
    labels: { ...deployLabels.labels, ...projectLabels(context.projectLabel), ...selector },
    annotations: deployLabels.annotations,
  });
  const template = {
    metadata: compact({ labels: { ...labels, ...selector }, annotations }),
    spec: podSpec,
  };
  const replicas = replicasOf(service);
  const workload: KubeObject = stateful
    ? {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata,
        spec: { replicas, serviceName: governingService, selector: { matchLabels: selector }, template },
      }
    : {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata,
        spec: { replicas, selector: { matchLabels: selector }, template },
      };
  if (name !== k8sName)
    context.note(name, 'name', 'converted', `named ${k8sName} (Kubernetes names are lower-case DNS labels)`);
  return { workload, envSecret: secret, stateful };
}

function securityContextOf(
  context: ExportContext,
  name: string,
  service: ComposeService,
): Record<string, unknown> | undefined {
  const capability = (value: string) => value.toUpperCase().replace(/^CAP_/, '');
  const security: Record<string, unknown> = compact({
    privileged: service.privileged || undefined,
    readOnlyRootFilesystem: service.read_only || undefined,
    capabilities:
      service.cap_add?.length || service.cap_drop?.length
        ? compact({ add: service.cap_add?.map(capability), drop: service.cap_drop?.map(capability) })
        : undefined,
  });
  if (service.user) {
    const match = /^(\d+)(?::(\d+))?$/.exec(service.user);
    if (match) {
      security.runAsUser = Number(match[1]);
      if (match[2] !== undefined) security.runAsGroup = Number(match[2]);
    } else {
      context.note(name, 'user', 'unmapped', `user "${service.user}": Kubernetes takes numeric ids (runAsUser)`);
    }
  }
  return Object.keys(security).length ? security : undefined;
}

/** Compose labels that are valid Kubernetes labels stay labels; the rest become annotations. */
function splitLabels(source: Record<string, string> | undefined): {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
} {
  const labels: Record<string, string> = {};
  const annotations: Record<string, string> = {};
  for (const key of Object.keys(source ?? {}).sort()) {
    const value = source![key]!;
    if (isValidLabel(key, value)) labels[key] = value;
    else annotations[key] = value;
  }
  return { labels, annotations: Object.keys(annotations).length ? annotations : undefined };
}

function hostAliases(hosts: string[] | undefined): { ip: string; hostnames: string[] }[] | undefined {
  if (!hosts?.length) return undefined;
  const byIp = new Map<string, string[]>();
  for (const entry of hosts) {
    const separator = entry.includes('=') ? entry.indexOf('=') : entry.indexOf(':');
    if (separator <= 0) continue;
    const ip = entry.slice(separator + 1);
    byIp.set(ip, [...(byIp.get(ip) ?? []), entry.slice(0, separator)]);
  }
  return [...byIp].map(([ip, hostnames]) => ({ ip, hostnames }));
}

function seconds(duration: string | undefined): number | undefined {
  const ns = nanoseconds(duration);
  return ns === undefined ? undefined : Math.round(ns / 1e9);
}

/** The object without its undefined fields, so the YAML has no empty keys. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
