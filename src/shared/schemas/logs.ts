import { z } from 'zod';
import { ServiceRefSchema } from './cluster';
import { ContainerRefSchema, ServiceNameSchema } from './containers';
import { ProjectNameSchema } from './projects';

/**
 * Whose logs to follow: one container, every container of a compose service, a whole project, or a swarm service
 * (every task's lines, merged by the engine).
 */
export const LogTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('container'), id: ContainerRefSchema }).strict(),
  z.object({ kind: z.literal('service'), project: ProjectNameSchema, service: ServiceNameSchema }).strict(),
  z
    .object({
      kind: z.literal('project'),
      project: ProjectNameSchema,
      /** Only these services (all when absent), merged as one view. */
      services: z.array(ServiceNameSchema).max(200).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('swarm-service'),
      /** The service's id (or `<stack>_<service>` name), as the engine's `/services/{id}/logs` takes it. */
      serviceId: ServiceRefSchema,
      /** Its name, for display (`<stack>_<service>`). */
      name: ServiceRefSchema,
    })
    .strict(),
]);
export type LogTarget = z.infer<typeof LogTargetSchema>;
/** The targets read container by container from this engine (compose labels), as opposed to a swarm service. */
export type ContainerLogTarget = Exclude<LogTarget, { kind: 'swarm-service' }>;

export const DEFAULT_LOG_BUFFER_LINES = 100_000;

export const LogsStreamInputSchema = z
  .object({
    target: LogTargetSchema,
    /** Lines of history per container before following; `all` by default, as `docker compose logs`. */
    tail: z.union([z.number().int().min(0), z.literal('all')]).default('all'),
    /** Docker's forms: RFC 3339, a UNIX timestamp, or a duration back from now (`10m`, `1h30m`). */
    since: z.string().max(64).optional(),
    until: z.string().max(64).optional(),
    follow: z.boolean().default(true),
    /** Lines held for a slow consumer before the oldest are dropped (and counted). */
    bufferLines: z.number().int().min(100).max(2_000_000).default(DEFAULT_LOG_BUFFER_LINES),
  })
  .strict();
export type LogsStreamInput = z.infer<typeof LogsStreamInputSchema>;
/** What a client sends: defaults not yet applied. */
export type LogsStreamRequest = z.input<typeof LogsStreamInputSchema>;

/** A container whose lines appear in the stream; lines point at it by `index`. */
export const LogSourceSchema = z.object({
  index: z.number().int(),
  containerId: z.string(),
  name: z.string(),
  service: z.string().nullable(),
  project: z.string().nullable(),
  tty: z.boolean(),
});
export type LogSource = z.infer<typeof LogSourceSchema>;

export const LogLineSchema = z.object({
  /** The engine's timestamp, RFC 3339 with nine fraction digits in UTC, so strings sort by time. */
  time: z.string(),
  source: z.number().int(),
  stream: z.enum(['stdout', 'stderr']),
  /** Decoded UTF-8; carriage returns and ANSI escapes kept for the viewer to interpret. */
  text: z.string(),
});
export type LogLine = z.infer<typeof LogLineSchema>;

/**
 * A run boundary in a container's log, from engine events: it exited (`exited 137 · OOM-killed · 15:03:12`) or was
 * restarted (`restart 7 (previous exit 3)`). Viewers draw it as a rule across the pane: `── <text> ──`.
 */
export const LogMarkerSchema = z.object({
  /** When it happened, in the lines' format (RFC 3339, nine fraction digits, UTC), so it sorts among them. */
  time: z.string(),
  source: z.number().int(),
  kind: z.enum(['exited', 'restarted']),
  /** The exit code (of the run that ended, for a restart the previous one); null when unknown. */
  exitCode: z.number().int().nullable(),
  oomKilled: z.boolean(),
  /** The engine's restart count after a restart; null for exits. */
  restartCount: z.number().int().nullable(),
  text: z.string(),
});
export type LogMarker = z.infer<typeof LogMarkerSchema>;

export const LogsMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sources'), sources: z.array(LogSourceSchema) }),
  /**
   * A batch of lines column by column: about half the serialized size of one object per line, which matters
   * because flow control counts serialized size (see `encodeLines`/`decodeLines`).
   */
  z.object({
    type: z.literal('lines'),
    times: z.array(z.string()),
    sources: z.array(z.number().int()),
    /** Positions in this batch of the lines that came from stderr; the others came from stdout. */
    stderr: z.array(z.number().int()),
    texts: z.array(z.string()),
  }),
  /** Lines main had to drop, oldest first, because the consumer fell more than `bufferLines` behind. */
  z.object({ type: z.literal('dropped'), count: z.number().int() }),
  /** The history before following has been delivered in full. */
  z.object({ type: z.literal('caught-up') }),
  z.object({ type: z.literal('notice'), level: z.enum(['info', 'warning']), text: z.string() }),
  /** Where a container's run ended or a new one began, in order with its lines. */
  z.object({ type: z.literal('marker'), marker: LogMarkerSchema }),
]);
export type LogsMessage = z.infer<typeof LogsMessageSchema>;

export type LinesMessage = Extract<LogsMessage, { type: 'lines' }>;

export function encodeLines(lines: readonly LogLine[]): LinesMessage {
  const message: LinesMessage = { type: 'lines', times: [], sources: [], stderr: [], texts: [] };
  lines.forEach((line, index) => {
    message.times.push(line.time);
    message.sources.push(line.source);
    message.texts.push(line.text);
    if (line.stream === 'stderr') message.stderr.push(index);
  });
  return message;
}

export function decodeLines(message: LinesMessage): LogLine[] {
  const stderr = new Set(message.stderr);
  return message.texts.map((text, index) => ({
    time: message.times[index] ?? '',
    source: message.sources[index] ?? 0,
    stream: stderr.has(index) ? 'stderr' : 'stdout',
    text,
  }));
}

/** Bytes of one time stamp plus per-line overhead, close to what a line adds to the serialized batch. */
const LINE_OVERHEAD = 40;

/** Flow-control cost of a logs message: about its serialized size, without serializing a large batch to learn it. */
export function logsMessageCost(message: LogsMessage): number {
  if (message.type !== 'lines') return 64;
  let cost = 0;
  for (const text of message.texts) cost += text.length + LINE_OVERHEAD;
  return cost;
}
