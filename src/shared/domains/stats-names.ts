/** The `stats.*` operations and the stream kinds of this domain (names only: the preload imports this). */
export const STATS_OPERATION_NAMES = [] as const;
export const STATS_STREAM_KINDS = ['stats', 'notices'] as const;
