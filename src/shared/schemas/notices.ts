import { z } from 'zod';

/** Something the user should hear about: a service of a project they opened died, was OOM-killed, turned unhealthy… */
export const NoticeSchema = z.object({
  kind: z.enum(['died', 'oom-killed', 'unhealthy', 'crash-loop']),
  severity: z.enum(['failed', 'warning']),
  project: z.string(),
  service: z.string().nullable(),
  containerId: z.string(),
  containerName: z.string(),
  /** `trainer was OOM-killed` */
  title: z.string(),
  /** `Out of memory at its 2.0 GiB limit (exit 137).` */
  body: z.string(),
  /** Epoch ms of the event. */
  time: z.number(),
});
export type Notice = z.infer<typeof NoticeSchema>;
export type NoticeKind = Notice['kind'];

/** Which projects the user opened (only these are notified about), and whether notices are muted. */
export const NoticesInterestSchema = z
  .object({
    projects: z.array(z.string().min(1).max(200)).max(2_000),
    muted: z.boolean().default(false),
  })
  .strict();
export type NoticesInterest = z.input<typeof NoticesInterestSchema>;
