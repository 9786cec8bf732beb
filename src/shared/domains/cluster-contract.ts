/** The `cluster.*` operations and this domain's streams; `contract.ts` joins them with the rest. */
export const clusterOperations = {} as const;
export const clusterStreams = {} as const;
