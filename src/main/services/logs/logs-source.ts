import {
  encodeLines,
  LogsStreamInputSchema,
  type LogLine,
  type LogsMessage,
  type LogsStreamRequest,
} from '@shared/schemas/logs';
import type { EngineWatch } from '../docker/engine-watch';
import { RingWithDroppedCount } from '../streams/ring-with-dropped-count';
import type { StreamSink, StreamSource } from '../streams/stream-source';
import { MAX_BATCH_LINES } from './line-batcher';
import { LogsSession } from './logs-session';

/**
 * The `logs` stream. Lines go out in batches while the consumer keeps up; while flow control has it paused, they
 * wait in a ring of `bufferLines` (the size of the viewer's own window, so nothing it would keep is lost). Past that
 * the oldest are dropped and counted, and the consumer is told how many before the rest.
 */
export function createLogsSource(engine: EngineWatch, request: LogsStreamRequest): StreamSource<LogsMessage> {
  const input = LogsStreamInputSchema.parse(request);
  let sink: StreamSink<LogsMessage> | null = null;
  const pending = new RingWithDroppedCount<LogLine, LogsMessage>(
    input.bufferLines,
    {
      items: (lines) => sink?.emit(encodeLines(lines)),
      dropped: (count) => sink?.emit({ type: 'dropped', count }),
      message: (message) => sink?.emit(message),
    },
    MAX_BATCH_LINES,
  );

  const session = new LogsSession(
    { engine, target: input.target, tail: input.tail, since: input.since, until: input.until, follow: input.follow },
    {
      sources: (sources) => sink?.emit({ type: 'sources', sources }),
      lines: (lines) => pending.pushItems(lines),
      caughtUp: () => pending.pushMessage({ type: 'caught-up' }),
      notice: (level, text) => pending.pushMessage({ type: 'notice', level, text }),
      marker: (marker) => pending.pushMessage({ type: 'marker', marker }),
      end: (error) => {
        pending.drain(true);
        sink?.end(error);
      },
    },
  );

  return {
    start(streamSink) {
      sink = streamSink;
      session.start();
    },
    pause: () => pending.pause(),
    resume: () => pending.resume(),
    dispose() {
      sink = null;
      session.dispose();
      pending.clear();
    },
  };
}
