import { useEffect, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { BrowseTarget, Preview } from '@shared/schemas/volumes';
import { api } from '../../lib/api';

/** Arrow keys move faster than a preview loads: wait this long on an entry before asking for it. */
const SETTLE_MS = 120;

export interface PreviewState {
  /** The entry path the preview is of. */
  path: string;
  name: string;
  preview: Preview | null;
  error: ErrorPayload | null;
}

/** The preview of the selected file, following the selection; null while no file is selected. */
export function usePreview(target: BrowseTarget, file: { path: string; name: string } | null): PreviewState | null {
  const [state, setState] = useState<PreviewState | null>(null);
  const path = file?.path ?? null;
  const name = file?.name ?? '';
  useEffect(() => {
    if (path === null) return;
    let current = true;
    const timer = setTimeout(() => {
      void api.volumes.preview({ target, path }).then((result) => {
        if (!current) return;
        setState(
          result.ok
            ? { path, name, preview: result.value, error: null }
            : { path, name, preview: null, error: result.error },
        );
      });
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [target, path, name]);
  return path !== null && state?.path === path ? state : null;
}
