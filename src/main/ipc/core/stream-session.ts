import { streams, type StreamContract, type StreamKind } from '@shared/contract';
import { toErrorPayload, type ErrorPayload } from '@shared/errors';
import { FLOW_CONTROL, isConsumerFrame, messageCost, type ProducerFrame } from '@shared/stream-protocol';
import { AckFlowControl } from './flow-control';
import type { StreamSource } from '../../services/streams/stream-source';
import type { StreamFactories } from '../../handlers/handler-types';

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
  connect(kind, source, channel, streams[kind]);
  return null;
}

function connect(
  kind: StreamKind,
  source: StreamSource<unknown>,
  channel: StreamChannel,
  contract: StreamContract,
): void {
  let closed = false;
  const window = contract.flow ?? FLOW_CONTROL;
  const costOf = (contract.cost as ((message: unknown) => number) | undefined) ?? messageCost;
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
  const receive = (data: unknown) => {
    const inbound = contract.inbound?.safeParse(data);
    if (inbound?.success) return source.receive?.(inbound.data);
    // A consumer that sends what the contract doesn't allow is broken or hostile: end the stream, say why.
    finish({
      t: 'error',
      error: { code: 'E_INVALID_INPUT', message: `The ${kind} stream does not accept that message.` },
    });
  };

  channel.onMessage((data) => {
    if (!isConsumerFrame(data)) return;
    if (data.t === 'ack') flow.acknowledged(data.n);
    else if (data.t === 'input') receive(data.data);
    else finish();
  });
  channel.onClose(() => finish());

  try {
    source.start({
      emit: (message) => {
        if (closed) return;
        const cost = costOf(message);
        channel.send({ t: 'data', data: message, n: cost });
        flow.sent(cost);
      },
      end: (error) => finish(error === undefined ? { t: 'end' } : { t: 'error', error: toErrorPayload(error) }),
    });
  } catch (error) {
    finish({ t: 'error', error: toErrorPayload(error) });
  }
}
