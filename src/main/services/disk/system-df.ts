/**
 * The engine's disk use (`GET /system/df`), summed the way `docker system df` sums it, with the images, containers,
 * volumes and build cache behind the totals and each compose project's share.
 */
import type Docker from 'dockerode';
import type {
  BuildCacheDisk,
  ContainerDisk,
  DiskCategory,
  DiskUsage,
  ImageDisk,
  ProjectDisk,
  VolumeDisk,
} from '@shared/schemas/disk';
import { COMPOSE_LABELS } from '../compose/labels';
import { readDf, type RawDf } from './engine-df';

export async function readDiskUsage(docker: Docker): Promise<DiskUsage> {
  return summarizeDiskUsage(await readDf(docker));
}

const known = (size: number | undefined) => (size !== undefined && size >= 0 ? size : null);
const NONE_TAG = '<none>:<none>';

export function summarizeDiskUsage(raw: RawDf): DiskUsage {
  const containers: ContainerDisk[] = (raw.Containers ?? []).map((c) => ({
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
    image: c.Image ?? '',
    state: c.State ?? '',
    sizeRwBytes: known(c.SizeRw) ?? 0,
    sizeRootFsBytes: known(c.SizeRootFs) ?? 0,
    project: c.Labels?.[COMPOSE_LABELS.project] ?? null,
  }));
  const projectsOfImage = new Map<string, Set<string>>();
  for (const c of raw.Containers ?? []) {
    const project = c.Labels?.[COMPOSE_LABELS.project];
    if (!project || !c.ImageID) continue;
    projectsOfImage.set(c.ImageID, (projectsOfImage.get(c.ImageID) ?? new Set()).add(project));
  }
  const parents = new Set((raw.Images ?? []).map((image) => image.ParentId).filter(Boolean));
  const images: ImageDisk[] = (raw.Images ?? []).map((image) => {
    const repoTags = (image.RepoTags ?? []).filter((tag) => tag !== NONE_TAG);
    const size = known(image.Size) ?? 0;
    const shared = known(image.SharedSize);
    return {
      id: image.Id,
      repoTags,
      createdAt: (image.Created ?? 0) * 1000,
      sizeBytes: size,
      sharedSizeBytes: shared,
      uniqueSizeBytes: shared === null ? null : size - shared,
      containers: Math.max(0, image.Containers ?? 0),
      projects: [...(projectsOfImage.get(image.Id) ?? [])].sort(),
      // An untagged image that is another's parent is a build step, not garbage: `docker images` hides it.
      dangling: repoTags.length === 0 && !parents.has(image.Id),
      intermediate: repoTags.length === 0 && parents.has(image.Id),
    };
  });
  const volumes: VolumeDisk[] = (raw.Volumes ?? []).map((volume) => ({
    name: volume.Name,
    sizeBytes: known(volume.UsageData?.Size),
    refCount: Math.max(0, volume.UsageData?.RefCount ?? 0),
    project: volume.Labels?.[COMPOSE_LABELS.project] ?? null,
  }));
  const buildCache: BuildCacheDisk[] = (raw.BuildCache ?? []).map((record) => ({
    id: record.ID,
    type: record.Type ?? '',
    description: record.Description ?? '',
    inUse: Boolean(record.InUse),
    shared: Boolean(record.Shared),
    sizeBytes: known(record.Size) ?? 0,
    lastUsedAt: record.LastUsedAt ? Date.parse(record.LastUsedAt) : null,
    usageCount: record.UsageCount ?? 0,
  }));
  return {
    categories: categories(raw.LayersSize ?? 0, images, containers, volumes, buildCache),
    images,
    containers,
    volumes,
    buildCache,
    projects: projectTotals(images, containers, volumes),
  };
}

/** As `docker system df` computes its four lines. */
function categories(
  layersSize: number,
  images: ImageDisk[],
  containers: ContainerDisk[],
  volumes: VolumeDisk[],
  buildCache: BuildCacheDisk[],
): DiskCategory[] {
  const usedByImages = images
    .filter((image) => image.containers > 0 && image.uniqueSizeBytes !== null)
    .reduce((sum, image) => sum + image.uniqueSizeBytes!, 0);
  const running = (c: ContainerDisk) => c.state === 'running';
  const builderSize = buildCache.filter((r) => !r.shared).reduce((sum, r) => sum + r.sizeBytes, 0);
  const builderInUse = buildCache.filter((r) => r.inUse && !r.shared).reduce((sum, r) => sum + r.sizeBytes, 0);
  const sum = <T>(items: T[], size: (item: T) => number) => items.reduce((total, item) => total + size(item), 0);
  return [
    {
      type: 'images',
      total: images.length,
      active: images.filter((image) => image.containers > 0).length,
      sizeBytes: layersSize,
      reclaimableBytes: layersSize - usedByImages,
    },
    {
      type: 'containers',
      total: containers.length,
      active: containers.filter(running).length,
      sizeBytes: sum(containers, (c) => c.sizeRwBytes),
      reclaimableBytes: sum(
        containers.filter((c) => !running(c)),
        (c) => c.sizeRwBytes,
      ),
    },
    {
      type: 'volumes',
      total: volumes.length,
      active: volumes.filter((v) => v.refCount > 0).length,
      sizeBytes: sum(volumes, (v) => v.sizeBytes ?? 0),
      reclaimableBytes: sum(
        volumes.filter((v) => v.refCount === 0),
        (v) => v.sizeBytes ?? 0,
      ),
    },
    {
      type: 'build-cache',
      total: buildCache.length,
      active: buildCache.filter((r) => r.inUse).length,
      sizeBytes: builderSize,
      reclaimableBytes: builderSize - builderInUse,
    },
  ];
}

function projectTotals(images: ImageDisk[], containers: ContainerDisk[], volumes: VolumeDisk[]): ProjectDisk[] {
  const totals = new Map<string, ProjectDisk>();
  const entry = (project: string) => {
    let total = totals.get(project);
    if (!total) {
      total = { project, imagesBytes: 0, containersBytes: 0, volumesBytes: 0, totalBytes: 0 };
      totals.set(project, total);
    }
    return total;
  };
  for (const image of images) for (const project of image.projects) entry(project).imagesBytes += image.sizeBytes;
  for (const container of containers)
    if (container.project) entry(container.project).containersBytes += container.sizeRwBytes;
  for (const volume of volumes) if (volume.project) entry(volume.project).volumesBytes += volume.sizeBytes ?? 0;
  for (const total of totals.values())
    total.totalBytes = total.imagesBytes + total.containersBytes + total.volumesBytes;
  return [...totals.values()].sort((a, b) => b.totalBytes - a.totalBytes || a.project.localeCompare(b.project));
}
