/**
 * The stream of a swarm service's logs, in the log viewer's messages (`LogsMessage`), with the logs stream's
 * buffering (logs/buffered-logs-source.ts).
 */
import type Docker from 'dockerode';
import { DEFAULT_LOG_BUFFER_LINES, type LogsMessage } from '@shared/schemas/logs';
import { createBufferedLogsSource } from '../logs/buffered-logs-source';
import type { StreamSource } from '../streams/stream-source';
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
  return createBufferedLogsSource(
    request.bufferLines ?? DEFAULT_LOG_BUFFER_LINES,
    (output) =>
      new ServiceLogsSession(
        {
          docker,
          service: request.service,
          tail: request.tail ?? 'all',
          since: request.since,
          until: request.until,
          follow: request.follow ?? true,
        },
        output,
      ),
  );
}
