import { describe, expect, it } from 'vitest';
import { boundSource } from '../../../src/main/services/streams/bound-source';
import type { StreamSink, StreamSource } from '../../../src/main/services/streams/stream-source';

/** A source that records what the transport and the binding did to it. */
function recordingSource() {
  const calls: string[] = [];
  let sink: StreamSink<string> | null = null;
  const source: StreamSource<string> = {
    start(given) {
      sink = given;
      calls.push('start');
    },
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
    receive: (data) => void calls.push(`receive ${String(data)}`),
    dispose: () => void calls.push('dispose'),
  };
  return { source, calls, emit: (message: string) => sink?.emit(message) };
}

function recordingSink() {
  const messages: string[] = [];
  const ends: unknown[] = [];
  const sink: StreamSink<string> = {
    emit: (message) => void messages.push(message),
    end: (error) => void ends.push(error),
  };
  return { sink, messages, ends };
}

describe('boundSource', () => {
  it('passes everything through while its owner lives', () => {
    const owner = new AbortController();
    const inner = recordingSource();
    const consumer = recordingSink();
    const bound = boundSource(inner.source, owner.signal);
    bound.start(consumer.sink);
    inner.emit('line');
    bound.pause();
    bound.resume();
    bound.receive?.('input');
    expect(consumer.messages).toEqual(['line']);
    expect(inner.calls).toEqual(['start', 'pause', 'resume', 'receive input']);
    expect(consumer.ends).toEqual([]);
  });

  it("ends the stream once with the owner's reason and disposes the source when the owner goes", () => {
    const owner = new AbortController();
    const inner = recordingSource();
    const consumer = recordingSink();
    const bound = boundSource(inner.source, owner.signal);
    bound.start(consumer.sink);
    const reason = new Error('Switched to another engine');
    owner.abort(reason);
    // The transport disposes the stream after it ended: the source is disposed once.
    bound.dispose();
    expect(consumer.ends).toEqual([reason]);
    expect(inner.calls).toEqual(['start', 'dispose']);
  });

  it('never starts a source whose owner is already gone', () => {
    const owner = new AbortController();
    owner.abort(new Error('gone'));
    const inner = recordingSource();
    const consumer = recordingSink();
    boundSource(inner.source, owner.signal).start(consumer.sink);
    expect(inner.calls).toEqual([]);
    expect(consumer.ends).toEqual([owner.signal.reason]);
  });

  it('forgets the owner once disposed: a later abort ends nothing', () => {
    const owner = new AbortController();
    const inner = recordingSource();
    const consumer = recordingSink();
    const bound = boundSource(inner.source, owner.signal);
    bound.start(consumer.sink);
    bound.dispose();
    owner.abort(new Error('later'));
    expect(consumer.ends).toEqual([]);
    expect(inner.calls).toEqual(['start', 'dispose']);
  });
});
