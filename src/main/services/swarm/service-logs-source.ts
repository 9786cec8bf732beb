/**
 * The stream of a swarm service's logs, in the log viewer's messages (`LogsMessage`), with the logs stream's
 * buffering: batches while the consumer keeps up, a ring of `bufferLines` while flow control pauses it, then the
 * oldest dropped and counted.
 */
import type Docker from 'dockerode';
import { DEFAULT_LOG_BUFFER_LINES, encodeLines, type LogLine, type LogsMessage } from '@shared/schemas/logs';
import { MAX_BATCH_LINES } from '../logs/line-batcher';
import { RingWithDroppedCount } from '../streams/ring-with-dropped-count';
import type { StreamSink, StreamSource } from '../streams/stream-source';
import { ServiceLogsSession } from './service-logs-session';

export interface ServiceLogsRequest {
  /** A service name (`<stack>_<service>`) or id. */
  service: string;
  tail?: number | 'all';
  since?: string;
  until?: string;
  follow?: boolean;
  bufferLines?: number;
}

export function createServiceLogsSource(docker: Docker, request: ServiceLogsRequest): StreamSource<LogsMessage> {
  let sink: StreamSink<LogsMessage> | null = null;
  const pending = new RingWithDroppedCount<LogLine, LogsMessage>(
    request.bufferLines ?? DEFAULT_LOG_BUFFER_LINES,
    {
      items: (lines) => sink?.emit(encodeLines(lines)),
      dropped: (count) => sink?.emit({ type: 'dropped', count }),
      message: (message) => sink?.emit(message),
    },
    MAX_BATCH_LINES,
  );
  const session = new ServiceLogsSession(
    {
      docker,
      service: request.service,
      tail: request.tail ?? 'all',
      since: request.since,
      until: request.until,
      follow: request.follow ?? true,
    },
    {
      sources: (sources) => pending.pushMessage({ type: 'sources', sources }),
      lines: (lines) => pending.pushItems(lines),
      caughtUp: () => pending.pushMessage({ type: 'caught-up' }),
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
