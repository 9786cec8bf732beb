/** The pod's volumes and the container's mounts of one service: claims, emptyDirs, ConfigMaps and Secrets. */
import type { ExportContext } from './export-context';

export interface PodVolume {
  name: string;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  emptyDir?: { medium?: string; sizeLimit?: string };
  configMap?: { name: string; items: { key: string; path: string }[] };
  secret?: { secretName: string; items: { key: string; path: string }[] };
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
}

/** Collects a pod's volumes, one per source, named after it; and the mounts that use them, in order. */
export class PodStorage {
  readonly volumes: PodVolume[] = [];
  readonly mounts: VolumeMount[] = [];

  constructor(
    readonly context: ExportContext,
    readonly service: string,
  ) {}

  /** Adds the volume unless one of that name is there (the same source mounted twice), then the mount. */
  mount(volume: PodVolume, mount: Omit<VolumeMount, 'name'>): void {
    if (!this.volumes.some((existing) => existing.name === volume.name)) this.volumes.push(volume);
    this.mounts.push({ name: volume.name, ...mount });
  }
}
