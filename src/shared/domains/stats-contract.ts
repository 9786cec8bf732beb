/** The `stats.*` operations and this domain's streams; `contract.ts` joins them with the rest. */
export const statsOperations = {} as const;
export const statsStreams = {} as const;
