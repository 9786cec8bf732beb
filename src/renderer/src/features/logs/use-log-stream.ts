import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../../shared/errors';
import type { LogTarget } from '../../../../shared/schemas/logs';
import { subscribe } from '../../lib/api';
import type { LogModel } from './log-model';

export interface LogStreamStatus {
  state: 'idle' | 'loading' | 'following' | 'ended' | 'failed';
  notice: { level: 'info' | 'warning'; text: string } | null;
  error: ErrorPayload | null;
}

const IDLE: LogStreamStatus = { state: 'idle', notice: null, error: null };

/**
 * Streams the logs of `target` into `model` (never into React state: only the status lives here). Each message is
 * acknowledged once ingested, which is what lets main pause when the view falls behind.
 */
export function useLogStream(target: LogTarget | null, model: LogModel): LogStreamStatus {
  const [status, setStatus] = useState<LogStreamStatus>(IDLE);

  useEffect(() => {
    model.clear();
    model.setSources([]);
    if (!target) {
      setStatus(IDLE);
      return;
    }
    setStatus({ state: 'loading', notice: null, error: null });
    return subscribe(
      'logs',
      { target, tail: model.capacity, follow: true, bufferLines: model.capacity },
      {
        onMessage(message) {
          switch (message.type) {
            case 'lines':
              return model.ingest(message.lines);
            case 'sources':
              return model.setSources(message.sources);
            case 'dropped':
              return model.addDropped(message.count);
            case 'caught-up':
              return setStatus((previous) => ({ ...previous, state: 'following' }));
            case 'notice':
              return setStatus((previous) => ({ ...previous, notice: { level: message.level, text: message.text } }));
          }
        },
        onClose(error) {
          setStatus((previous) => ({ ...previous, state: error ? 'failed' : 'ended', error: error ?? null }));
        },
      },
    );
  }, [target, model]);

  return status;
}
