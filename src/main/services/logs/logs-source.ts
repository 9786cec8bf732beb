import { RingBuffer } from '@shared/ring-buffer';
import {
  encodeLines,
  LogsStreamInputSchema,
  type LogLine,
  type LogsMessage,
  type LogsStreamRequest,
} from '@shared/schemas/logs';
import type { EngineWatch } from '../docker/engine-watch';
import type { StreamSink, StreamSource } from '../streams/stream-source';
import { MAX_BATCH_LINES } from './line-batcher';
import { LogsSession } from './logs-session';

/**
 * The `logs` stream. Lines go out in batches while the consumer keeps up; while flow control has it paused, they
 * wait in a ring buffer of `bufferLines` (the size of the viewer's own window, so nothing it would keep is lost).
 * Past that the oldest are dropped and counted, and the consumer is told how many before the rest.
 */
export function createLogsSource(engine: EngineWatch, request: LogsStreamRequest): StreamSource<LogsMessage> {
  const input = LogsStreamInputSchema.parse(request);
  const pending = new RingBuffer<LogLine>(input.bufferLines);
  let sink: StreamSink<LogsMessage> | null = null;
  let paused = false;

  /** Notices and `caught-up` that came while lines waited: they go out after those lines, in order. */
  const deferred: LogsMessage[] = [];

  const send = (lines: LogLine[]) => {
    for (let start = 0; start < lines.length; start += MAX_BATCH_LINES) {
      if (paused) return pending.pushAll(lines.slice(start));
      sink?.emit(encodeLines(lines.length <= MAX_BATCH_LINES ? lines : lines.slice(start, start + MAX_BATCH_LINES)));
    }
  };

  const sendInOrder = (message: LogsMessage) => {
    if (pending.size === 0) sink?.emit(message);
    else if (deferred.length < 100) deferred.push(message);
  };

  /** `all`: the stream is ending, so what waits goes out now (bounded by the ring) whatever flow control says. */
  const drain = (all = false) => {
    const dropped = pending.takeDropped();
    if (dropped > 0) sink?.emit({ type: 'dropped', count: dropped });
    while ((all || !paused) && pending.size > 0) sink?.emit(encodeLines(pending.shift(MAX_BATCH_LINES)));
    if (pending.size === 0) for (const message of deferred.splice(0)) sink?.emit(message);
  };

  const session = new LogsSession(
    { engine, target: input.target, tail: input.tail, since: input.since, until: input.until, follow: input.follow },
    {
      sources: (sources) => sink?.emit({ type: 'sources', sources }),
      lines: (lines) => (paused || pending.size > 0 ? pending.pushAll(lines) : send(lines)),
      caughtUp: () => sendInOrder({ type: 'caught-up' }),
      notice: (level, text) => sendInOrder({ type: 'notice', level, text }),
      end: (error) => {
        drain(true);
        sink?.end(error);
      },
    },
  );

  return {
    start(streamSink) {
      sink = streamSink;
      session.start();
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      drain();
    },
    dispose() {
      sink = null;
      session.dispose();
      pending.clear();
    },
  };
}
