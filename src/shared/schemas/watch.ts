import { z } from 'zod';
import { ComposeProgressEventSchema } from './compose-progress';
import { ProjectRefSchema } from './projects';

/** Opens Compose's `develop.watch` for a project (the Watch toggle); closing the stream stops watching. */
export const WatchOpenInputSchema = z
  .object({
    project: ProjectRefSchema,
    /** Services to watch; empty: every service with develop.watch rules. */
    services: z.array(z.string().max(255)).max(500).default([]),
    /** Copy every sync path into the containers once when watching starts. */
    initialSync: z.boolean().default(false),
  })
  .strict();
export type WatchOpenInput = z.input<typeof WatchOpenInputSchema>;

/**
 * What `develop.watch` reports while it runs, one update per thing done: files synced into a service's containers,
 * a restart or exec after a sync, a rebuild, and errors (the service keeps running its last good version).
 */
export const WatchStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('watching'), services: z.array(z.string()), at: z.number() }),
  z.object({
    kind: z.literal('synced'),
    service: z.string(),
    containers: z.array(z.string()),
    files: z.array(z.string()),
    deleted: z.array(z.string()),
    at: z.number(),
    durationMs: z.number(),
  }),
  z.object({ kind: z.literal('restarted'), service: z.string(), at: z.number() }),
  z.object({
    kind: z.literal('executed'),
    service: z.string(),
    command: z.array(z.string()),
    exitCode: z.number(),
    at: z.number(),
  }),
  z.object({ kind: z.literal('rebuilding'), service: z.string(), files: z.array(z.string()), at: z.number() }),
  z.object({ kind: z.literal('rebuilt'), service: z.string(), at: z.number(), durationMs: z.number() }),
  z.object({
    kind: z.literal('error'),
    service: z.string(),
    message: z.string(),
    fix: z.string().optional(),
    at: z.number(),
  }),
  z.object({ kind: z.literal('stopped'), at: z.number() }),
]);
export type WatchStatus = z.infer<typeof WatchStatusSchema>;

export const WatchMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: WatchStatusSchema }),
  z.object({ type: z.literal('progress'), event: ComposeProgressEventSchema }),
]);
export type WatchMessage = z.infer<typeof WatchMessageSchema>;
