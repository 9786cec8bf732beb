import { z } from 'zod';
import { ContainerRefSchema } from './containers';

/** Docker's rule for volume names (daemon/names.go: RestrictedNamePattern). */
export const VolumeNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'A volume name has letters, digits, "_", "." and "-" only');

/**
 * A path inside a volume, relative to its root ('' is the root). The service rejects `..`, absolute paths and
 * symlinks that lead outside; the schema only bounds it.
 */
export const VolumePathSchema = z
  .string()
  .max(4096)
  .refine((path) => !path.includes('\0'), 'A path cannot contain NUL');

const EntryNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !name.includes('/') && !name.includes('\0') && name !== '.' && name !== '..', {
    message: 'A name cannot contain "/" or NUL, nor be "." or ".."',
  });

export const VolumeUserSchema = z.object({
  containerId: z.string(),
  containerName: z.string(),
  project: z.string().nullable(),
  service: z.string().nullable(),
  state: z.string(),
  destination: z.string(),
  readOnly: z.boolean(),
});
export type VolumeUser = z.infer<typeof VolumeUserSchema>;

export const VolumeSummarySchema = z.object({
  name: z.string(),
  driver: z.string(),
  mountpoint: z.string(),
  createdAt: z.string().nullable(),
  scope: z.string(),
  labels: z.record(z.string(), z.string()),
  /** The compose project that declared it (label), or null for volumes made by hand or anonymous ones. */
  project: z.string().nullable(),
  /** Its name in that project's compose file. */
  composeName: z.string().nullable(),
  /** Containers (running or not) that mount it; Berth's own helper containers are left out. */
  usedBy: z.array(VolumeUserSchema),
  /** No container, running or stopped, uses it. */
  dangling: z.boolean(),
});
export type VolumeSummary = z.infer<typeof VolumeSummarySchema>;

export const VolumeSizeSchema = z.object({
  name: z.string(),
  /** Null when the driver doesn't report a size. */
  sizeBytes: z.number().nullable(),
});
export type VolumeSize = z.infer<typeof VolumeSizeSchema>;

export const BindMountSchema = z.object({
  containerId: z.string(),
  containerName: z.string(),
  project: z.string().nullable(),
  service: z.string().nullable(),
  source: z.string(),
  destination: z.string(),
  readOnly: z.boolean(),
});
export type BindMount = z.infer<typeof BindMountSchema>;

export const VolumeListSchema = z.object({
  volumes: z.array(VolumeSummarySchema),
  bindMounts: z.array(BindMountSchema),
});
export type VolumeList = z.infer<typeof VolumeListSchema>;

export const EntryTypeSchema = z.enum(['file', 'directory', 'symlink', 'other']);
export type EntryType = z.infer<typeof EntryTypeSchema>;

export const VolumeEntrySchema = z.object({
  name: z.string(),
  type: EntryTypeSchema,
  size: z.number(),
  /** Modification time, ms since the epoch. */
  mtimeMs: z.number(),
  /** Permission bits and setuid/setgid/sticky (mode & 0o7777). */
  mode: z.number(),
  /** Where a symlink points, as written in the link; null for everything else. */
  linkTarget: z.string().nullable(),
});
export type VolumeEntry = z.infer<typeof VolumeEntrySchema>;

/** What to browse: a named volume, or a container's bind mount (identified by container and destination). */
export const BindMountTargetSchema = z
  .object({ containerId: ContainerRefSchema, destination: z.string().min(1).max(4096) })
  .strict();

export const BrowseTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('volume'), volume: VolumeNameSchema }).strict(),
  BindMountTargetSchema.extend({ kind: z.literal('bind') }).strict(),
]);
export type BrowseTarget = z.infer<typeof BrowseTargetSchema>;

export const MAX_PAGE_SIZE = 1000;

export const ListDirectoryInputSchema = z
  .object({
    target: BrowseTargetSchema,
    path: VolumePathSchema,
    offset: z.number().int().min(0).max(100_000_000).default(0),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(200),
  })
  .strict();
export type ListDirectoryInput = z.input<typeof ListDirectoryInputSchema>;

export const DirectoryPageSchema = z.object({
  /** The normalized path, relative to the root ('' for the root). */
  path: z.string(),
  entries: z.array(VolumeEntrySchema),
  /** Entries in the whole directory; directories first, then by name. */
  total: z.number(),
  offset: z.number(),
});
export type DirectoryPage = z.infer<typeof DirectoryPageSchema>;

export const EntryInputSchema = z.object({ target: BrowseTargetSchema, path: VolumePathSchema }).strict();
export type EntryInput = z.infer<typeof EntryInputSchema>;

export const MAX_PREVIEW_BYTES = 1024 * 1024;

export const PreviewInputSchema = z
  .object({
    target: BrowseTargetSchema,
    path: VolumePathSchema,
    maxBytes: z
      .number()
      .int()
      .min(1)
      .max(MAX_PREVIEW_BYTES)
      .default(64 * 1024),
  })
  .strict();
export type PreviewInput = z.input<typeof PreviewInputSchema>;

export const PreviewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'latin1']),
    text: z.string(),
    /** A detected format the UI can show as a table or a tree. */
    format: z.enum(['plain', 'json', 'csv', 'tsv']),
    truncated: z.boolean(),
    size: z.number(),
  }),
  z.object({ kind: z.literal('image'), mime: z.string(), base64: z.string(), size: z.number() }),
  z.object({ kind: z.literal('binary'), size: z.number(), reason: z.string() }),
]);
export type Preview = z.infer<typeof PreviewSchema>;

export const DirectorySizeSchema = z.object({ path: z.string(), sizeBytes: z.number() });

export const MakeDirectoryInputSchema = z
  .object({ target: BrowseTargetSchema, parent: VolumePathSchema, name: EntryNameSchema })
  .strict();

export const RenameInputSchema = z
  .object({ target: BrowseTargetSchema, path: VolumePathSchema, newName: EntryNameSchema })
  .strict();

export const DeleteEntryInputSchema = z
  .object({
    target: BrowseTargetSchema,
    path: VolumePathSchema,
    /** The entry's name, typed (or confirmed) by the user: deleting never happens as a side effect. */
    confirmName: z.string().max(255),
  })
  .strict();

export const RemoveVolumeInputSchema = z
  .object({
    volume: VolumeNameSchema,
    /** Must equal the volume's name: the user typed it after seeing who uses the volume. */
    confirmName: z.string().max(255),
  })
  .strict();

/** The words the user types to prune: the count makes them look at the list they are confirming. */
export function pruneConfirmation(count: number): string {
  return `delete ${count} volume${count === 1 ? '' : 's'}`;
}

export const PruneInputSchema = z
  .object({
    /** The dangling volumes the user was shown; only these are deleted. */
    names: z.array(VolumeNameSchema).min(1).max(1000),
    /** "delete N volumes", typed by the user. */
    confirmText: z.string().max(100),
  })
  .strict();

export const PruneResultSchema = z.object({
  removed: z.array(z.string()),
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
});

export const MutationResultSchema = z.object({ path: z.string() });

export const TransferInputSchema = z.discriminatedUnion('direction', [
  z
    .object({
      direction: z.literal('download'),
      target: BrowseTargetSchema,
      path: VolumePathSchema,
    })
    .strict(),
  z
    .object({
      direction: z.literal('upload'),
      target: BrowseTargetSchema,
      /** The directory to upload into. */
      parent: VolumePathSchema,
      /** Files in the order their bytes follow on the stream; `path` is relative to `parent` (folders keep their tree). */
      files: z
        .array(z.object({ path: VolumePathSchema, size: z.number().int().min(0) }).strict())
        .min(1)
        .max(100_000),
      /** Replace entries that already exist; without it the upload stops before writing anything. */
      overwrite: z.boolean().default(false),
    })
    .strict(),
]);
export type TransferInput = z.input<typeof TransferInputSchema>;

/** Upload flow control: a client sends at most this many bytes beyond the last `transferring` progress it saw. */
export const UPLOAD_WINDOW_BYTES = 4 * 1024 * 1024;
/** The largest binary message an upload may send. */
export const MAX_UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

export const TransferMessageSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('choosing') }),
  z.object({ phase: z.literal('transferring'), bytes: z.number(), total: z.number().nullable() }),
  z.object({ phase: z.literal('done'), bytes: z.number(), destination: z.string() }),
  z.object({ phase: z.literal('cancelled') }),
]);
export type TransferMessage = z.infer<typeof TransferMessageSchema>;
