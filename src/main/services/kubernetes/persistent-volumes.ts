/**
 * Named volumes become PersistentVolumeClaims (one per volume, shared by the services that mount it), anonymous
 * volumes and tmpfs emptyDirs. Host bind mounts have no portable equivalent: each one is reported.
 */
import type { ComposeService } from '../compose/model/service';
import type { ExportContext } from './export-context';
import { projectLabels, type KubeObject } from './kube-object';
import { dnsLabel } from './kube-names';
import type { PodStorage } from './pod-volumes';

const DEFAULT_STORAGE = '1Gi';

/** The claim name of a named volume: its own name for an external one (it must exist), else its key. */
export function claimName(context: ExportContext, key: string): string {
  const config = context.project.model.volumes?.[key];
  return dnsLabel(config?.external ? (config.name ?? key) : key);
}

export function mountServiceVolumes(storage: PodStorage, service: ComposeService): void {
  const { context } = storage;
  service.volumes?.forEach((volume, index) => {
    switch (volume.type) {
      case 'volume':
        if (!volume.source) {
          storage.mount({ name: `anonymous-${index}`, emptyDir: {} }, { mountPath: volume.target });
          context.note(
            storage.service,
            'volumes',
            'converted',
            `anonymous volume at ${volume.target} → emptyDir (lost when the pod goes)`,
          );
          return;
        }
        storage.mount(
          {
            name: dnsLabel(`volume-${volume.source}`),
            persistentVolumeClaim: { claimName: claimName(context, volume.source) },
          },
          { mountPath: volume.target, readOnly: volume.read_only || undefined, subPath: volume.volume?.subpath },
        );
        return;
      case 'tmpfs':
        storage.mount(
          {
            name: `tmpfs-${index}`,
            emptyDir: { medium: 'Memory', sizeLimit: volume.tmpfs?.size ? String(volume.tmpfs.size) : undefined },
          },
          { mountPath: volume.target },
        );
        return;
      case 'bind':
        context.note(
          storage.service,
          'volumes',
          'unmapped',
          `host bind mount ${context.displayPath(volume.source ?? '')} → ${volume.target}: put the files in a ConfigMap, a volume or the image`,
        );
        return;
      default:
        context.note(
          storage.service,
          'volumes',
          'unmapped',
          `${volume.type} mount at ${volume.target} has no Kubernetes equivalent`,
        );
    }
  });
  service.tmpfs?.forEach((entry, index) => {
    const [target] = entry.split(':');
    storage.mount({ name: `tmpfs-list-${index}`, emptyDir: { medium: 'Memory' } }, { mountPath: target! });
  });
  for (const source of service.volumes_from ?? [])
    context.note(
      storage.service,
      'volumes_from',
      'unmapped',
      `volumes of ${source} are not shared; mount the same named volumes instead`,
    );
}

/**
 * One claim per named volume the exported services mount. ReadWriteOnce, unless several services or replicas
 * mount it (then ReadWriteMany, which needs storage that supports it: said).
 */
export function persistentVolumeClaims(context: ExportContext, replicas: (service: string) => number): KubeObject[] {
  const users = new Map<string, string[]>();
  const services = context.project.model.services;
  for (const name of Object.keys(services).sort()) {
    for (const volume of services[name]!.volumes ?? []) {
      if (volume.type !== 'volume' || !volume.source) continue;
      const list = users.get(volume.source) ?? [];
      if (!list.includes(name)) list.push(name);
      users.set(volume.source, list);
    }
  }
  const claims: KubeObject[] = [];
  for (const key of [...users.keys()].sort()) {
    const config = context.project.model.volumes?.[key];
    const using = users.get(key)!;
    if (config?.external) {
      context.note(
        null,
        `volumes.${key}`,
        'converted',
        `external volume → the PersistentVolumeClaim ${claimName(context, key)} must exist`,
      );
      continue;
    }
    if (config?.driver || config?.driver_opts)
      context.note(null, `volumes.${key}`, 'unmapped', 'volume driver and driver_opts: choose a StorageClass instead');
    const shared = using.length > 1 || using.some((service) => replicas(service) > 1);
    if (shared)
      context.note(
        null,
        `volumes.${key}`,
        'converted',
        `mounted by ${using.join(', ')} with several pods → ReadWriteMany (needs storage that supports it)`,
      );
    context.note(
      null,
      `volumes.${key}`,
      'converted',
      `→ PersistentVolumeClaim of ${DEFAULT_STORAGE}; set the size your data needs`,
    );
    claims.push({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: claimName(context, key), labels: projectLabels(context.projectLabel) },
      spec: {
        accessModes: [shared ? 'ReadWriteMany' : 'ReadWriteOnce'],
        resources: { requests: { storage: DEFAULT_STORAGE } },
      },
    });
  }
  return claims;
}
