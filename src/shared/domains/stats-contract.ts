import {
  StatsMessageSchema,
  StatsStreamInputSchema,
  StatsStreamUpdateSchema,
  statsMessageCost,
} from '../schemas/stats';

/** The `stats.*` operations and this domain's streams; `contract.ts` joins them with the rest. */
export const statsOperations = {} as const;
export const statsStreams = {
  stats: {
    input: StatsStreamInputSchema,
    message: StatsMessageSchema,
    /** The consumer changes what it can see (`select`) while the stream runs. */
    inbound: StatsStreamUpdateSchema,
    cost: statsMessageCost,
  },
} as const;
