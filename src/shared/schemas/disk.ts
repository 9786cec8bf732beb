import { z } from 'zod';
import { pruneConfirmation } from './volumes';

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

/** An image as the engine names it by id: `sha256:<64 hex>`, or a prefix of the hex of at least 12 digits. */
export const ImageIdSchema = z
  .string()
  .regex(/^(sha256:)?[0-9a-f]{12,64}$/, 'an image id (sha256:… or at least 12 hex digits)');

/** The whole id, as the image list gives it: removal never guesses which image a short id meant. */
export const FullImageIdSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a full image id (sha256:<64 hex digits>)');

export const ImagesInputSchema = z
  .object({
    /** With the intermediate images of classic builds. */
    all: z.boolean().default(false),
  })
  .strict()
  .optional();

export const ImageHistoryInputSchema = z.object({ image: ImageIdSchema }).strict();

/** The words the UI sends with "Remove N images": the count must match the list the user saw. */
export function removeImagesConfirmation(count: number): string {
  return `remove ${count} image${count === 1 ? '' : 's'}`;
}

export const RemoveImagesInputSchema = z
  .object({
    /** The images the user selected; each goes with all its tags. */
    ids: z.array(FullImageIdSchema).min(1).max(500),
    /** `removeImagesConfirmation(ids.length)`. */
    confirmText: z.string().max(100),
  })
  .strict();

export const SkippedItemSchema = PruneItemSchema.extend({ reason: z.string() });

export const RemoveImagesResultSchema = z.object({
  removed: z.array(PruneItemSchema),
  /** Left alone, with why: used by a container, gone already, or refused by the engine. */
  skipped: z.array(SkippedItemSchema),
  /** What the removed images alone held (at least this much was freed). */
  reclaimedBytes: z.number(),
});
export type RemoveImagesResult = z.infer<typeof RemoveImagesResultSchema>;

/** What the Disk page's "Clean up" may remove; volumes only when chosen (and then typed to confirm). */
export const CleanupSelectionSchema = z
  .object({
    /** Stopped containers (exited, created, dead); their volumes stay. */
    containers: z.boolean().default(false),
    /** `dangling`: untagged and unused; `unused`: every image no container uses (includes dangling). */
    images: z.enum(['none', 'dangling', 'unused']).default('none'),
    buildCache: z.boolean().default(false),
    /** Volumes no container mounts: their data is deleted for good. */
    volumes: z.boolean().default(false),
    /** Only containers, images and volumes with these labels (`key` or `key=value`, all must match). */
    labels: z.array(z.string().min(1).max(400)).max(50).default([]),
  })
  .strict()
  .refine((s) => s.containers || s.images !== 'none' || s.buildCache || s.volumes, {
    message: 'choose at least one kind of thing to clean up',
  })
  .refine((s) => s.labels.length === 0 || !s.buildCache, {
    message: 'build cache has no labels: clean it up without a label filter',
  });
export type CleanupSelection = z.infer<typeof CleanupSelectionSchema>;
export type CleanupSelectionRequest = z.input<typeof CleanupSelectionSchema>;

export const CleanupKindSchema = z.enum(['containers', 'images', 'build-cache', 'volumes']);
export type CleanupKind = z.infer<typeof CleanupKindSchema>;

export const CleanupSectionSchema = z.object({
  kind: CleanupKindSchema,
  items: z.array(PruneItemSchema),
  reclaimableBytes: z.number(),
});
export type CleanupSection = z.infer<typeof CleanupSectionSchema>;

/** Everything one clean-up would remove, by kind; `token` confirms exactly this list. */
export const CleanupPlanSchema = z.object({
  token: z.string(),
  sections: z.array(CleanupSectionSchema),
  itemCount: z.number().int(),
  reclaimableBytes: z.number(),
  expiresAt: z.number(),
});
export type CleanupPlan = z.infer<typeof CleanupPlanSchema>;

/**
 * What confirms a clean-up: with volumes, the user types `delete N volumes` (as the volume page's prune asks);
 * without, the confirm button sends `remove N items` for the list it showed.
 */
export function cleanupConfirmation(plan: Pick<CleanupPlan, 'sections' | 'itemCount'>): string {
  const volumes = plan.sections.find((section) => section.kind === 'volumes')?.items.length ?? 0;
  if (volumes > 0) return pruneConfirmation(volumes);
  return `remove ${plan.itemCount} item${plan.itemCount === 1 ? '' : 's'}`;
}

export const CleanupInputSchema = z
  .object({
    token: z.string().uuid(),
    /** `cleanupConfirmation(plan)`. */
    confirmText: z.string().max(100),
  })
  .strict();

export const CleanupResultSchema = z.object({
  sections: z.array(
    z.object({
      kind: CleanupKindSchema,
      removed: z.array(PruneItemSchema),
      skipped: z.array(SkippedItemSchema),
      reclaimedBytes: z.number(),
    }),
  ),
  reclaimedBytes: z.number(),
});
export type CleanupResult = z.infer<typeof CleanupResultSchema>;
