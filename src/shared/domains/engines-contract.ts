/** The `engines.*` operations and this domain's streams; `contract.ts` joins them with the rest. */
export const enginesOperations = {} as const;
export const enginesStreams = {} as const;
