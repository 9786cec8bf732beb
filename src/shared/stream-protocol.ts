import type { ErrorPayload } from './errors';

/**
 * Producer → consumer frames on a stream's port or socket. A data frame carries its flow-control cost `n`, computed
 * once by the producer; the consumer acknowledges exactly that once it has processed the message.
 */
export type ProducerFrame =
  { t: 'data'; data: unknown; n: number } | { t: 'end' } | { t: 'error'; error: ErrorPayload };

/** Consumer → producer frames. */
export type ConsumerFrame = { t: 'ack'; n: number } | { t: 'input'; data: unknown } | { t: 'close' };

/** Flow-control watermarks, in units of unacknowledged data (bytes for byte streams). */
export const FLOW_CONTROL = { highWatermark: 100_000, lowWatermark: 5_000 } as const;

/**
 * The default cost of one message for flow control: bytes for byte payloads, serialized size otherwise. Only the
 * producer calls it (a stream contract may name a cheaper `cost`); consumers acknowledge the cost the frame carries.
 */
export function messageCost(data: unknown): number {
  if (data instanceof Uint8Array) return data.byteLength;
  if (typeof data === 'string') return data.length;
  return JSON.stringify(data)?.length ?? 1;
}

export function isConsumerFrame(value: unknown): value is ConsumerFrame {
  if (typeof value !== 'object' || value === null) return false;
  const frame = value as { t?: unknown; n?: unknown };
  if (frame.t === 'ack') return typeof frame.n === 'number' && Number.isFinite(frame.n) && frame.n >= 0;
  return frame.t === 'input' || frame.t === 'close';
}
