import { useEffect, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import { decodeLines, type LogTarget } from '@shared/schemas/logs';
import { subscribe } from '../../lib/api';
import type { LogModel } from './log-model';

/** How much history the view asks for before following: the last lines per container, and how far back. */
export interface LogHistory {
  /** Lines per container; `all` is bounded by the view's capacity. */
  tail: number | 'all';
  /** A Docker duration back from now (`10m`, `1h`), or null for any time. */
  since: string | null;
}

export const DEFAULT_HISTORY: LogHistory = { tail: 'all', since: null };

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
export function useLogStream(
  target: LogTarget | null,
  model: LogModel,
  history: LogHistory = DEFAULT_HISTORY,
): LogStreamStatus {
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
      {
        target,
        tail: history.tail === 'all' ? model.capacity : Math.min(history.tail, model.capacity),
        ...(history.since ? { since: history.since } : {}),
        follow: true,
        bufferLines: model.capacity,
      },
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
  }, [target, model, history]);

  if (!target) return IDLE;
  return reported.target === target ? reported.status : LOADING;
}
