import {
  StatsMessageSchema,
  StatsStreamInputSchema,
  StatsStreamUpdateSchema,
  statsMessageCost,
} from '../schemas/stats';
import { NoticeSchema, NoticesInterestSchema } from '../schemas/notices';

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
  /** Services of the opened projects that died, were OOM-killed, turned unhealthy or crash-loop; the interest resent. */
  notices: { input: NoticesInterestSchema, message: NoticeSchema, inbound: NoticesInterestSchema },
} as const;
