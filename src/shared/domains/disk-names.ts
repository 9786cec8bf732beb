/** The `disk.*` operations and the stream kinds of this domain (names only: the preload imports this). */
export const DISK_OPERATION_NAMES = [] as const;
export const DISK_STREAM_KINDS = [] as const;
