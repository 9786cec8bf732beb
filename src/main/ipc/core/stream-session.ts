import { streams, type StreamContract, type StreamKind } from '@shared/contract';
import { toErrorPayload, type ErrorPayload } from '@shared/errors';
import { FLOW_CONTROL, isConsumerFrame, messageCost, type ProducerFrame } from '@shared/stream-protocol';
import { AckFlowControl } from './flow-control';
import type { StreamSource } from '../../services/streams/stream-source';
import type { StreamFactories } from './stream-factories';

/** A bidirectional message channel: Electron's MessagePortMain or the test bridge's WebSocket. */
export interface StreamChannel {
  send(frame: ProducerFrame): void;
  onMessage(listener: (data: unknown) => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

export function isStreamKind(kind: unknown): kind is StreamKind {
  return typeof kind === 'string' && Object.hasOwn(streams, kind);
}

/**
 * Validates a stream request and connects its producer to a channel with flow control.
 * Returns an error payload instead of throwing when the request is invalid.
 */
export function openStreamSession(
  factories: StreamFactories,
  kind: unknown,
  rawInput: unknown,
  channel: StreamChannel,
): ErrorPayload | null {
  if (!isStreamKind(kind)) {
    return { code: 'E_INVALID_INPUT', message: `Unknown stream kind: ${String(kind).slice(0, 100)}` };
  }
  const parsed = streams[kind].input.safeParse(rawInput);
  if (!parsed.success) {
    return {
      code: 'E_INVALID_INPUT',
      message: `Invalid input for stream ${kind}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
    };
  }
  let source: StreamSource<unknown>;
  try {
    source = (factories[kind] as (input: unknown) => StreamSource<unknown>)(parsed.data);
  } catch (error) {
    return toErrorPayload(error);
  }
  const contract: StreamContract = streams[kind];
  connect(source, channel, contract.flow ?? FLOW_CONTROL);
  return null;
}

function connect(
  source: StreamSource<unknown>,
  channel: StreamChannel,
  window: { highWatermark: number; lowWatermark: number },
): void {
  let closed = false;
  const flow = new AckFlowControl(
    { pause: () => source.pause(), resume: () => source.resume() },
    window.highWatermark,
    window.lowWatermark,
  );
  const finish = (frame?: ProducerFrame) => {
    if (closed) return;
    closed = true;
    if (frame) channel.send(frame);
    source.dispose();
    channel.close();
  };

  channel.onMessage((data) => {
    if (!isConsumerFrame(data)) return;
    if (data.t === 'ack') flow.acknowledged(data.n);
    else if (data.t === 'input') source.receive?.(data.data);
    else finish();
  });
  channel.onClose(() => finish());

  try {
    source.start({
      emit: (message) => {
        if (closed) return;
        channel.send({ t: 'data', data: message });
        flow.sent(messageCost(message));
      },
      end: (error) => finish(error === undefined ? { t: 'end' } : { t: 'error', error: toErrorPayload(error) }),
    });
  } catch (error) {
    finish({ t: 'error', error: toErrorPayload(error) });
  }
}
