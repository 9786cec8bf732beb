import { describe, expect, it, vi } from 'vitest';
import type { StreamFactories } from '../../../src/main/handlers/handler-types';
import type { StreamSink, StreamSource } from '../../../src/main/services/streams/stream-source';
import { openStreamSession, type StreamChannel } from '../../../src/main/ipc/core/stream-session';
import type { ProducerFrame } from '@shared/stream-protocol';

function fakeChannel() {
  const sent: ProducerFrame[] = [];
  let onMessage: (data: unknown) => void = () => {};
  let onClose: () => void = () => {};
  const channel: StreamChannel = {
    send: (frame) => sent.push(frame),
    onMessage: (listener) => (onMessage = listener),
    onClose: (listener) => (onClose = listener),
    close: vi.fn(),
  };
  return { channel, sent, consumerSends: (data: unknown) => onMessage(data), consumerCloses: () => onClose() };
}

function byteSource() {
  let sink: StreamSink<unknown> | undefined;
  const source: StreamSource<unknown> & { sink(): StreamSink<unknown> } = {
    start: (given) => (sink = given),
    pause: vi.fn(),
    resume: vi.fn(),
    receive: vi.fn(),
    dispose: vi.fn(),
    sink: () => sink!,
  };
  return source;
}

const shellInput = { target: 'host', cols: 80, rows: 24 };
const logsInput = { target: { kind: 'container', id: 'abc' } };

describe('openStreamSession', () => {
  it('pauses the producer above the high watermark of unacknowledged bytes and resumes below the low one', () => {
    const source = byteSource();
    const { channel, consumerSends, sent } = fakeChannel();
    const factories = { events: () => source } as unknown as StreamFactories;
    expect(openStreamSession(factories, 'events', undefined, channel)).toBeNull();

    const chunk = new Uint8Array(30_000);
    for (let i = 0; i < 3; i++) source.sink().emit(chunk);
    expect(source.pause).not.toHaveBeenCalled(); // 90,000 ≤ 100,000
    source.sink().emit(chunk);
    expect(source.pause).toHaveBeenCalledOnce(); // 120,000 unacknowledged
    expect(sent).toHaveLength(4);

    consumerSends({ t: 'ack', n: 100_000 });
    expect(source.resume).not.toHaveBeenCalled(); // 20,000 left ≥ 5,000
    consumerSends({ t: 'ack', n: 16_000 });
    expect(source.resume).toHaveBeenCalledOnce();
  });

  it('forwards consumer input the contract allows and disposes the producer when the consumer closes', () => {
    const source = byteSource();
    const { channel, consumerSends, consumerCloses } = fakeChannel();
    openStreamSession({ terminal: () => source } as unknown as StreamFactories, 'terminal', shellInput, channel);
    consumerSends({ t: 'input', data: 'ls\n' });
    consumerSends({ t: 'input', data: { type: 'resize', cols: 80, rows: 24 } });
    consumerSends({ t: 'bogus' });
    consumerSends('not even an object');
    expect(source.receive).toHaveBeenCalledWith('ls\n');
    expect(source.receive).toHaveBeenCalledWith({ type: 'resize', cols: 80, rows: 24 });
    consumerCloses();
    consumerCloses();
    expect(source.dispose).toHaveBeenCalledOnce();
  });

  it('ends the stream, saying why, when the consumer sends what the contract does not allow', () => {
    const source = byteSource();
    const { channel, consumerSends, sent } = fakeChannel();
    openStreamSession({ terminal: () => source } as unknown as StreamFactories, 'terminal', shellInput, channel);
    consumerSends({ t: 'input', data: { type: 'resize', cols: -1, rows: 24 } });
    expect(source.receive).not.toHaveBeenCalled();
    expect(source.dispose).toHaveBeenCalledOnce();
    expect(sent).toEqual([{ t: 'error', error: expect.objectContaining({ code: 'E_INVALID_INPUT' }) }]);
  });

  it('ends a one-way stream that receives input', () => {
    const source = byteSource();
    const { channel, consumerSends } = fakeChannel();
    openStreamSession({ events: () => source } as unknown as StreamFactories, 'events', undefined, channel);
    consumerSends({ t: 'input', data: 'ls\n' });
    expect(source.receive).not.toHaveBeenCalled();
    expect(source.dispose).toHaveBeenCalledOnce();
  });

  it('computes each message cost once and sends it in the frame', () => {
    const source = byteSource();
    const { channel, sent } = fakeChannel();
    openStreamSession({ logs: () => source } as unknown as StreamFactories, 'logs', logsInput, channel);
    source.sink().emit({ type: 'lines', times: ['t'], sources: [0], stderr: [], texts: ['hello'] });
    source.sink().emit(new Uint8Array(7));
    expect(sent.map((frame) => (frame.t === 'data' ? frame.n : null))).toEqual([45, 64]);
  });

  it('ends with an error frame when the producer fails, and sends nothing after', () => {
    const source = byteSource();
    const { channel, sent } = fakeChannel();
    openStreamSession({ events: () => source } as unknown as StreamFactories, 'events', undefined, channel);
    source.sink().end(new Error('engine went away'));
    source.sink().emit(new Uint8Array(1));
    expect(sent).toEqual([
      { t: 'error', error: { code: 'E_INTERNAL', message: 'Unexpected error: engine went away' } },
    ]);
    expect(source.dispose).toHaveBeenCalledOnce();
    expect(channel.close).toHaveBeenCalled();
  });

  it('rejects unknown kinds and invalid input before creating a producer', () => {
    const factory = vi.fn();
    const factories = { events: factory } as unknown as StreamFactories;
    expect(openStreamSession(factories, 'nope', undefined, fakeChannel().channel)).toMatchObject({
      code: 'E_INVALID_INPUT',
    });
    expect(openStreamSession(factories, 'events', { extra: 1 }, fakeChannel().channel)).toMatchObject({
      code: 'E_INVALID_INPUT',
    });
    expect(factory).not.toHaveBeenCalled();
  });
});
