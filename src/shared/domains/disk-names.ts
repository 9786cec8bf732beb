/** The `disk.*` operations and the stream kinds of this domain (names only: the preload imports this). */
export const DISK_OPERATION_NAMES = [
  'disk.usage',
  'disk.images',
  'disk.imageHistory',
  'disk.removeImages',
  'disk.planCleanup',
  'disk.cleanup',
] as const;
export const DISK_STREAM_KINDS = [] as const;
