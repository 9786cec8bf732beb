import { useCallback, useEffect, useState } from 'react';
import type { ErrorPayload, Result } from '@shared/errors';
import type { EngineList } from '@shared/schemas/engines';
import { api } from '../../lib/api';
import { useBerthStore } from '../../stores/store';

export interface EnginesView {
  list: EngineList | null;
  error: ErrorPayload | null;
  reload(): Promise<void>;
}

/** The engines main knows, loaded once and again whenever the connection moves (a switch, a reconnect). */
export function useEngines(): EnginesView {
  const [list, setList] = useState<EngineList | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const address = useBerthStore((state) => state.engine?.endpoint?.address ?? null);
  const status = useBerthStore((state) => state.engine?.status ?? null);
  const apply = useCallback((result: Result<EngineList>) => {
    if (result.ok) {
      setList(result.value);
      setError(null);
    } else setError(result.error);
  }, []);
  const reload = useCallback(async () => apply(await api.engines.list()), [apply]);
  useEffect(() => {
    let live = true;
    void api.engines.list().then((result) => live && apply(result));
    return () => {
      live = false;
    };
  }, [apply, address, status]);
  return { list, error, reload };
}
