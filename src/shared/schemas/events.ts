import { z } from 'zod';
import { ContainerSummarySchema } from './containers';
import { EngineEventSchema, EngineStateSchema } from './engine';

/**
 * What the `events` stream carries: connection state changes, containers as they change
 * (so the UI never polls), and a `resync` when the producer had to drop events while paused.
 */
export const EventsMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: EngineStateSchema }),
  z.object({ type: z.literal('container'), id: z.string(), container: ContainerSummarySchema.nullable() }),
  z.object({ type: z.literal('event'), event: EngineEventSchema }),
  z.object({ type: z.literal('resync'), dropped: z.number() }),
]);
export type EventsMessage = z.infer<typeof EventsMessageSchema>;
