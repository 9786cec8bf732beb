import { z } from 'zod';

/**
 * Progress of a Compose operation (up, down, start, stop, restart, pull, build), one event per change.
 * Events about a service's container carry `service` and `container`; events about project resources
 * (networks, volumes) carry `resource` instead. The CLI renders them as lines or a live table; the UI as rows.
 */

export const LayerProgressSchema = z.object({
  id: z.string(),
  /** The registry's status text: "Waiting", "Downloading", "Extracting", "Pull complete", "Already exists"… */
  status: z.string(),
  current: z.number().nonnegative().optional(),
  total: z.number().nonnegative().optional(),
});
export type LayerProgress = z.infer<typeof LayerProgressSchema>;

/** Where a build step comes from in its Dockerfile, when Berth can tell. */
export const BuildStepSourceSchema = z.object({
  /** The Dockerfile's path as the service names it (`Dockerfile`, `docker/app.Dockerfile`, `<inline>`). */
  file: z.string(),
  /** 1-based line of the instruction's first line. */
  line: z.number().int().positive(),
  /** The instruction as written (continuation lines joined). */
  instruction: z.string(),
});
export type BuildStepSource = z.infer<typeof BuildStepSourceSchema>;

/**
 * One step of a BuildKit build as it stands now (a Dockerfile instruction, loading the context, exporting the
 * image…). A step's events replace the previous ones with the same `number`.
 */
export const BuildStepSchema = z.object({
  /** `#N`: steps are numbered in the order they start, from 1, as `docker compose build` numbers them. */
  number: z.number().int().positive(),
  /** BuildKit's name for it: `[base 2/3] RUN pip install -r requirements.txt`, `[internal] load build context`. */
  name: z.string(),
  state: z.enum(['running', 'done', 'cached', 'error']),
  /** From start to completion (so far, while running). */
  durationMs: z.number().nonnegative().optional(),
  /** Bytes the step moved (the context it loaded, layers it pulled), when it reports them. */
  transferredBytes: z.number().nonnegative().optional(),
  /** The step's latest progress text: `transferring context: 1.2MB`, `exporting layers`. */
  status: z.string().optional(),
  error: z.string().optional(),
  source: BuildStepSourceSchema.optional(),
  /** The last lines the step printed; set when it failed. */
  lastOutput: z.array(z.string()).optional(),
});
export type BuildStep = z.infer<typeof BuildStepSchema>;

const serviceEvent = {
  service: z.string(),
  /** The container's name, when the event is about one container of the service. */
  container: z.string().optional(),
};

export const ComposeProgressEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pulling'),
    ...serviceEvent,
    image: z.string(),
    /** Bytes downloaded over bytes known so far, 0–100. */
    percent: z.number().min(0).max(100),
    layers: z.array(LayerProgressSchema),
  }),
  z.object({ kind: z.literal('pulled'), ...serviceEvent, image: z.string() }),
  z.object({
    kind: z.literal('building'),
    ...serviceEvent,
    image: z.string(),
    line: z.string().optional(),
    /** Which builder runs the build; the classic one has no cache or secret mounts. */
    builder: z.enum(['buildkit', 'classic']).optional(),
  }),
  /** A BuildKit build step changed (started, progressed, finished, failed). */
  z.object({ kind: z.literal('build-step'), ...serviceEvent, image: z.string(), step: BuildStepSchema }),
  /** Lines a build step printed (RUN output), with the time since the step started. */
  z.object({
    kind: z.literal('build-output'),
    ...serviceEvent,
    image: z.string(),
    step: z.number().int().positive(),
    stream: z.enum(['stdout', 'stderr']),
    elapsedMs: z.number().nonnegative(),
    lines: z.array(z.string()),
  }),
  /** A warning of the build (a deprecated instruction, a secret passed as an ARG…). */
  z.object({
    kind: z.literal('build-warning'),
    ...serviceEvent,
    image: z.string(),
    message: z.string(),
    step: z.number().int().positive().optional(),
    source: BuildStepSourceSchema.optional(),
  }),
  z.object({ kind: z.literal('built'), ...serviceEvent, image: z.string() }),
  z.object({ kind: z.literal('creating'), ...serviceEvent, reason: z.string().optional() }),
  z.object({ kind: z.literal('created'), ...serviceEvent }),
  z.object({ kind: z.literal('starting'), ...serviceEvent }),
  z.object({ kind: z.literal('waiting-healthy'), ...serviceEvent }),
  z.object({ kind: z.literal('healthy'), ...serviceEvent }),
  z.object({ kind: z.literal('running'), ...serviceEvent }),
  z.object({ kind: z.literal('exited'), ...serviceEvent, exitCode: z.number().int() }),
  z.object({ kind: z.literal('stopping'), ...serviceEvent }),
  z.object({ kind: z.literal('stopped'), ...serviceEvent }),
  z.object({ kind: z.literal('removing'), ...serviceEvent }),
  z.object({ kind: z.literal('removed'), ...serviceEvent }),
  z.object({ kind: z.literal('up-to-date'), ...serviceEvent }),
  z.object({ kind: z.literal('error'), ...serviceEvent, message: z.string() }),
  z.object({
    kind: z.literal('resource'),
    resource: z.enum(['network', 'volume']),
    name: z.string(),
    action: z.enum(['creating', 'created', 'removing', 'removed', 'exists']),
  }),
  z.object({ kind: z.literal('warning'), message: z.string() }),
]);
export type ComposeProgressEvent = z.infer<typeof ComposeProgressEventSchema>;
export type ComposeProgressKind = ComposeProgressEvent['kind'];

/** One message of a Compose operation run from the UI: progress as it happens, then `done` (errors close the stream). */
export const ComposeOperationMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), event: ComposeProgressEventSchema }),
  z.object({ type: z.literal('done'), changed: z.number().int().nonnegative() }),
]);
export type ComposeOperationMessage = z.infer<typeof ComposeOperationMessageSchema>;
