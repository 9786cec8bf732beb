import { z } from 'zod';
import { ContainerSummarySchema } from './containers';
import { EngineStateSchema } from './engine';

/**
 * What the `events` stream carries: connection state changes, containers as they change (so the UI never polls),
 * volumes created or removed (so the volume list stays live), and a `resync` when the producer had to drop
 * messages while paused.
 */
export const EventsMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: EngineStateSchema }),
  z.object({ type: z.literal('container'), id: z.string(), container: ContainerSummarySchema.nullable() }),
  z.object({ type: z.literal('volume'), name: z.string(), action: z.enum(['create', 'destroy']) }),
  z.object({ type: z.literal('resync'), dropped: z.number() }),
]);
export type EventsMessage = z.infer<typeof EventsMessageSchema>;
