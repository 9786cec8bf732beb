import { LogsStreamInputSchema, type LogsMessage, type LogsStreamRequest } from '@shared/schemas/logs';
import type { EngineWatch } from '../docker/engine-watch';
import type { StreamSource } from '../streams/stream-source';
import { createBufferedLogsSource } from './buffered-logs-source';
import { LogsSession } from './logs-session';

/** The `logs` stream of containers on this engine: one container, a compose service or a project. */
export function createLogsSource(engine: EngineWatch, request: LogsStreamRequest): StreamSource<LogsMessage> {
  const input = LogsStreamInputSchema.parse(request);
  return createBufferedLogsSource(
    input.bufferLines,
    (output) =>
      new LogsSession(
        {
          engine,
          target: input.target,
          tail: input.tail,
          since: input.since,
          until: input.until,
          follow: input.follow,
        },
        output,
      ),
  );
}
