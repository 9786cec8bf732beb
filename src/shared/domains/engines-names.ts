/** The `engines.*` operations and the stream kinds of this domain (names only: the preload imports this). */
export const ENGINES_OPERATION_NAMES = [] as const;
export const ENGINES_STREAM_KINDS = [] as const;
