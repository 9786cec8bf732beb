import { useEffect, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import { decodeLines, type LogTarget } from '@shared/schemas/logs';
import { subscribe } from '../../lib/api';
import type { LogModel } from './log-model';

export interface LogStreamStatus {
  state: 'idle' | 'loading' | 'following' | 'ended' | 'failed';
  notice: { level: 'info' | 'warning'; text: string } | null;
  error: ErrorPayload | null;
}

const IDLE: LogStreamStatus = { state: 'idle', notice: null, error: null };
const LOADING: LogStreamStatus = { state: 'loading', notice: null, error: null };

/**
 * Streams the logs of `target` into `model` (never into React state: only the status lives here). Each message is
 * acknowledged once ingested, which is what lets main pause when the view falls behind.
 */
export function useLogStream(target: LogTarget | null, model: LogModel): LogStreamStatus {
  // Status reported by the stream of `target`; a newer target starts out loading until its stream says more.
  const [reported, setReported] = useState<{ target: LogTarget | null; status: LogStreamStatus }>({
    target: null,
    status: IDLE,
  });

  useEffect(() => {
    model.clear();
    model.setSources([]);
    if (!target) return;
    const update = (change: Partial<LogStreamStatus>) =>
      setReported((previous) => ({
        target,
        status: { ...(previous.target === target ? previous.status : LOADING), ...change },
      }));
    return subscribe(
      'logs',
      { target, tail: model.capacity, follow: true, bufferLines: model.capacity },
      {
        onMessage(message) {
          switch (message.type) {
            case 'lines':
              return model.ingest(decodeLines(message));
            case 'sources':
              return model.setSources(message.sources);
            case 'dropped':
              return model.addDropped(message.count);
            case 'caught-up':
              return update({ state: 'following' });
            case 'notice':
              return update({ notice: { level: message.level, text: message.text } });
          }
        },
        onClose(error) {
          update({ state: error ? 'failed' : 'ended', error: error ?? null });
        },
      },
    );
  }, [target, model]);

  if (!target) return IDLE;
  return reported.target === target ? reported.status : LOADING;
}
