import { z } from 'zod';

export const ContainerStateSchema = z.enum([
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
]);
export type ContainerState = z.infer<typeof ContainerStateSchema>;

export const PublishedPortSchema = z.object({
  hostIp: z.string(),
  hostPort: z.number(),
  containerPort: z.number(),
  protocol: z.enum(['tcp', 'udp', 'sctp']),
});

export const ContainerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  state: ContainerStateSchema,
  /** The engine's status text, e.g. `Up 3 minutes (healthy)`. */
  status: z.string(),
  health: z.enum(['starting', 'healthy', 'unhealthy']).nullable(),
  createdAt: z.number(),
  /**
   * How the current (or last) run went, from inspect: epoch ms of its start and end (null when unknown or never),
   * its exit code (null while running or never run), whether the kernel OOM-killed it, and the engine's restarts.
   */
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  exitCode: z.number().int().nullable(),
  oomKilled: z.boolean(),
  restartCount: z.number().int().nonnegative(),
  ports: z.array(PublishedPortSchema),
  /** From `com.docker.compose.*` labels; null for containers outside any compose project. */
  compose: z
    .object({
      project: z.string(),
      service: z.string(),
      containerNumber: z.number().nullable(),
      oneoff: z.boolean(),
      workingDir: z.string().nullable(),
      configFiles: z.array(z.string()),
    })
    .nullable(),
});
export type ContainerSummary = z.infer<typeof ContainerSummarySchema>;
