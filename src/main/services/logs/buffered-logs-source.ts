import { encodeLines, type LogLine, type LogMarker, type LogSource, type LogsMessage } from '@shared/schemas/logs';
import { RingWithDroppedCount } from '../streams/ring-with-dropped-count';
import type { StreamSink, StreamSource } from '../streams/stream-source';
import { MAX_BATCH_LINES } from './line-batcher';

/** What a logs session reports; the stream turns each into a `LogsMessage`. */
export interface LogsOutput {
  sources(sources: LogSource[]): void;
  lines(lines: LogLine[]): void;
  caughtUp(): void;
  notice(level: 'info' | 'warning', text: string): void;
  marker(marker: LogMarker): void;
  end(error?: unknown): void;
}

/** A session reading logs into a `LogsOutput`. */
export interface LogsReader {
  start(): void;
  dispose(): void;
}

/**
 * The buffering every logs stream shares (container logs and swarm service logs). Lines go out in batches while the
 * consumer keeps up; while flow control has it paused, they wait in a ring of `bufferLines` (the size of the
 * viewer's own window, so nothing it would keep is lost). Past that the oldest are dropped and counted, and the
 * consumer is told how many before the rest. Sources go out at once: lines only ever point at sources sent before.
 */
export function createBufferedLogsSource(
  bufferLines: number,
  createReader: (output: LogsOutput) => LogsReader,
): StreamSource<LogsMessage> {
  let sink: StreamSink<LogsMessage> | null = null;
  const pending = new RingWithDroppedCount<LogLine, LogsMessage>(
    bufferLines,
    {
      items: (lines) => sink?.emit(encodeLines(lines)),
      dropped: (count) => sink?.emit({ type: 'dropped', count }),
      message: (message) => sink?.emit(message),
    },
    MAX_BATCH_LINES,
  );
  const reader = createReader({
    sources: (sources) => sink?.emit({ type: 'sources', sources }),
    lines: (lines) => pending.pushItems(lines),
    caughtUp: () => pending.pushMessage({ type: 'caught-up' }),
    notice: (level, text) => pending.pushMessage({ type: 'notice', level, text }),
    marker: (marker) => pending.pushMessage({ type: 'marker', marker }),
    end: (error) => {
      pending.drain(true);
      sink?.end(error);
    },
  });
  return {
    start(streamSink) {
      sink = streamSink;
      reader.start();
    },
    pause: () => pending.pause(),
    resume: () => pending.resume(),
    dispose() {
      sink = null;
      reader.dispose();
      pending.clear();
    },
  };
}
