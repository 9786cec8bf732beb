import { useCallback, useEffect, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { BrowseTarget, DirectoryPage } from '@shared/schemas/volumes';
import { api } from '../../lib/api';

export const PAGE_SIZE = 200;

export interface DirectoryState {
  page: DirectoryPage | null;
  error: ErrorPayload | null;
  loading: boolean;
  /** Loads the page at `offset` (0 reads the directory afresh). */
  load(offset: number): void;
}

interface Settled {
  request: string;
  page: DirectoryPage | null;
  error: ErrorPayload | null;
}

/** One page of a directory at a time, so a 100,000-entry folder never lands in the DOM (or the store) at once. */
export function useDirectory(target: BrowseTarget, path: string): DirectoryState {
  const [request, setRequest] = useState({ offset: 0, serial: 0 });
  const [settled, setSettled] = useState<Settled | null>(null);
  const requestKey = `${path}\0${request.offset}\0${request.serial}`;

  useEffect(() => {
    let current = true;
    void api.volumes.listDirectory({ target, path, offset: request.offset, limit: PAGE_SIZE }).then((result) => {
      if (!current) return;
      setSettled((previous) =>
        result.ok
          ? { request: requestKey, page: result.value, error: null }
          : { request: requestKey, page: previous?.page ?? null, error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [target, path, request, requestKey]);

  const load = useCallback((offset: number) => setRequest((previous) => ({ offset, serial: previous.serial + 1 })), []);
  const page = settled?.page?.path === path ? settled.page : null;
  return { page, error: settled?.error ?? null, loading: settled?.request !== requestKey, load };
}
