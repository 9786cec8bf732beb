/** The `disk.*` operations and this domain's streams; `contract.ts` joins them with the rest. */
export const diskOperations = {} as const;
export const diskStreams = {} as const;
