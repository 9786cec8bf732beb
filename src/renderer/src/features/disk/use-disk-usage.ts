import { useCallback, useEffect, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { DiskUsage } from '@shared/schemas/disk';
import { api } from '../../lib/api';

export interface DiskUsageState {
  usage: DiskUsage | null;
  loading: boolean;
  error: ErrorPayload | null;
  reload(): void;
}

interface Answer {
  /** The request this answers: a newer one makes it stale. */
  request: number;
  usage: DiskUsage | null;
  error: ErrorPayload | null;
}

/** The engine's `system df`, read when the page opens (and connected) and again on demand; the last answer wins. */
export function useDiskUsage(connected: boolean): DiskUsageState {
  const [request, setRequest] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (!connected) return;
    let current = true;
    void api.disk.usage().then((result) => {
      if (!current) return;
      setAnswer((previous) =>
        result.ok
          ? { request, usage: result.value, error: null }
          : { request, usage: previous?.usage ?? null, error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [connected, request]);

  const reload = useCallback(() => setRequest((value) => value + 1), []);
  return {
    usage: answer?.usage ?? null,
    loading: connected && answer?.request !== request,
    error: answer?.error ?? null,
    reload,
  };
}
