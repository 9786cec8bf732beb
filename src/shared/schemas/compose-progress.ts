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
  z.object({ kind: z.literal('building'), ...serviceEvent, image: z.string(), line: z.string().optional() }),
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
