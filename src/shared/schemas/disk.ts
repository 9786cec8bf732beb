import { z } from 'zod';

/** One line of `docker system df`: how many, how many in use, their size and what removing the unused frees. */
export const DiskCategorySchema = z.object({
  type: z.enum(['images', 'containers', 'volumes', 'build-cache']),
  total: z.number().int(),
  active: z.number().int(),
  sizeBytes: z.number(),
  reclaimableBytes: z.number(),
});
export type DiskCategory = z.infer<typeof DiskCategorySchema>;

export const ImageDiskSchema = z.object({
  id: z.string(),
  /** `repo:tag` names; empty for a dangling image. */
  repoTags: z.array(z.string()),
  /** Epoch ms. */
  createdAt: z.number(),
  sizeBytes: z.number(),
  /** Bytes in layers it shares with other images; null when the engine didn't compute it. */
  sharedSizeBytes: z.number().nullable(),
  /** What removing it alone would free: size minus shared. */
  uniqueSizeBytes: z.number().nullable(),
  /** Containers (running or not) created from it. */
  containers: z.number().int(),
  /** Compose projects whose containers use it. */
  projects: z.array(z.string()),
  dangling: z.boolean(),
  /** An intermediate layer of a classic build, hidden by `docker images` without -a. */
  intermediate: z.boolean(),
});
export type ImageDisk = z.infer<typeof ImageDiskSchema>;

export const ContainerDiskSchema = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  state: z.string(),
  /** The writable layer: what the container wrote on top of its image. */
  sizeRwBytes: z.number(),
  sizeRootFsBytes: z.number(),
  project: z.string().nullable(),
});
export type ContainerDisk = z.infer<typeof ContainerDiskSchema>;

export const VolumeDiskSchema = z.object({
  name: z.string(),
  /** Null when the engine could not measure it (not a local volume). */
  sizeBytes: z.number().nullable(),
  /** Containers that mount it. */
  refCount: z.number().int(),
  project: z.string().nullable(),
});
export type VolumeDisk = z.infer<typeof VolumeDiskSchema>;

export const BuildCacheDiskSchema = z.object({
  id: z.string(),
  type: z.string(),
  description: z.string(),
  inUse: z.boolean(),
  shared: z.boolean(),
  sizeBytes: z.number(),
  lastUsedAt: z.number().nullable(),
  usageCount: z.number().int(),
});
export type BuildCacheDisk = z.infer<typeof BuildCacheDiskSchema>;

/**
 * A compose project's share: the images its containers use (whole size; images shared between projects count for
 * each), its containers' writable layers and its volumes.
 */
export const ProjectDiskSchema = z.object({
  project: z.string(),
  imagesBytes: z.number(),
  containersBytes: z.number(),
  volumesBytes: z.number(),
  totalBytes: z.number(),
});
export type ProjectDisk = z.infer<typeof ProjectDiskSchema>;

export const DiskUsageSchema = z.object({
  categories: z.array(DiskCategorySchema),
  images: z.array(ImageDiskSchema),
  containers: z.array(ContainerDiskSchema),
  volumes: z.array(VolumeDiskSchema),
  buildCache: z.array(BuildCacheDiskSchema),
  projects: z.array(ProjectDiskSchema),
});
export type DiskUsage = z.infer<typeof DiskUsageSchema>;

export const ImageLayerSchema = z.object({
  /** The image id for layers that are images of their own; `<missing>` otherwise, as docker prints it. */
  id: z.string(),
  createdAt: z.number(),
  /** The Dockerfile instruction that made it (`RUN pip install torch`), without the builder's `/bin/sh -c #(nop)`. */
  instruction: z.string(),
  sizeBytes: z.number(),
  comment: z.string(),
  tags: z.array(z.string()),
});
export type ImageLayer = z.infer<typeof ImageLayerSchema>;

export const PruneKindSchema = z.enum(['images', 'containers', 'build-cache']);
export type PruneKind = z.infer<typeof PruneKindSchema>;

/** Which candidates a prune considers: by default what `docker <kind> prune` would remove. */
export const PruneScopeSchema = z
  .object({
    /** Only a compose project's (containers by label; images built for it). */
    project: z.string().min(1).max(200).optional(),
    /** `key` or `key=value`; all must match (containers, images). */
    labels: z.array(z.string().min(1).max(400)).max(50).default([]),
    /** Images: every unused image, not only dangling ones (like `docker image prune -a`). */
    all: z.boolean().default(false),
    /** Build cache: only records whose description contains this text. */
    description: z.string().min(1).max(400).optional(),
  })
  .strict();
export type PruneScope = z.infer<typeof PruneScopeSchema>;
export type PruneScopeRequest = z.input<typeof PruneScopeSchema>;

export const PruneItemSchema = z.object({
  id: z.string(),
  /** What a person recognises: a container name, `repo:tag` or `<none>` with the id, a build step. */
  name: z.string(),
  sizeBytes: z.number(),
});
export type PruneItem = z.infer<typeof PruneItemSchema>;

/** What a prune would remove and free; `token` confirms exactly this list. */
export const PrunePlanSchema = z.object({
  token: z.string(),
  kind: PruneKindSchema,
  items: z.array(PruneItemSchema),
  /** Space freed by removing the items: exact for containers and build cache, at least this much for images. */
  reclaimableBytes: z.number(),
  /** Epoch ms after which the token is refused (plan again). */
  expiresAt: z.number(),
});
export type PrunePlan = z.infer<typeof PrunePlanSchema>;

export const PruneResultSchema = z.object({
  kind: PruneKindSchema,
  removed: z.array(PruneItemSchema),
  /** Listed but left alone: it changed since the plan (started, got a tag, in use) or the engine refused. */
  skipped: z.array(PruneItemSchema.extend({ reason: z.string() })),
  reclaimedBytes: z.number(),
});
export type PruneResult = z.infer<typeof PruneResultSchema>;
