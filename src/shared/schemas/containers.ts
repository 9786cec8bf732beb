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

/** One healthcheck run, as the engine keeps the last five (`State.Health.Log`). */
export const HealthRunSchema = z.object({
  /** Epoch ms when it ended. */
  at: z.number(),
  exitCode: z.number().int(),
  /** What the check printed, trimmed; the reason a service is unhealthy. */
  output: z.string(),
});
export type HealthRun = z.infer<typeof HealthRunSchema>;

/**
 * Why a container is in its state, in one place: a severity for the colour (failed red, warning amber, completed
 * grey, ok green), a short label for a status column, a sentence and what to do, and the evidence.
 */
export const DiagnosisSchema = z.object({
  severity: z.enum(['failed', 'warning', 'ok', 'completed']),
  reason: z.enum([
    'running',
    'starting',
    'unhealthy',
    'completed',
    'stopped',
    'error-exit',
    'oom-killed',
    'killed',
    'signal',
    'crash-loop',
    'restarting',
    'start-failed',
    'created',
    'paused',
    'dead',
  ]),
  /** For a status column: `exited (137) · OOM-killed`, `crash loop · 7 restarts`. */
  label: z.string(),
  /** One sentence: `OOM-killed at 2.0 GiB limit: it needed more memory than its mem_limit.` */
  sentence: z.string(),
  /** What to do; null when nothing needs doing. */
  fix: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  exitMeaning: z.string().nullable(),
  /** The container's memory limit (bytes), null without one. */
  memoryLimitBytes: z.number().nullable(),
  crashLoop: z
    .object({
      restarts: z.number().int(),
      /** The window the restarts were counted in (ms); null when counted from the engine's total alone. */
      windowMs: z.number().nullable(),
      /** Docker's current wait between restarts (doubling from 0.1 s to 1 min). */
      backoffMs: z.number(),
      /** Epoch ms of the next restart, while Docker waits for it. */
      nextRestartAt: z.number().nullable(),
    })
    .nullable(),
  health: z
    .object({
      status: z.enum(['starting', 'healthy', 'unhealthy']),
      failingStreak: z.number().int(),
      /** The last runs, oldest first. */
      lastRuns: z.array(HealthRunSchema),
    })
    .nullable(),
  /** The engine's error when the last start failed (`State.Error`): translated, with the raw text. */
  engineError: z.object({ message: z.string(), fix: z.string(), details: z.string() }).nullable(),
  /** The last lines it printed before it exited (failed containers only). */
  lastLogLines: z.array(z.string()),
  /** Epoch ms since when this is so (the exit, or the start); null when unknown. */
  since: z.number().nullable(),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

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
  /** Why it is in this state (exit meaning, OOM, crash loop, health output, start error); null or absent when not inspected. */
  diagnosis: DiagnosisSchema.nullable().optional(),
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

/**
 * A container as an input names it for the engine: its id (hex, whole or a unique prefix) or its name, in Docker's
 * grammar (a letter or digit, then letters, digits, "_", "." and "-"). The engine API puts it in a URL path, so
 * anything else ("/", "..", "?", "%", ":") could aim the request elsewhere: refused as invalid input.
 */
export const ContainerRefSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'A container id or name has letters, digits, "_", "." and "-" only');

/** Compose's rule for service names (compose-spec: `^[a-zA-Z0-9._-]+$`). */
export const ServiceNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-zA-Z0-9._-]+$/, 'A service name has letters, digits, "_", "." and "-" only');
