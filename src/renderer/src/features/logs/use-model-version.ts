import { useCallback, useSyncExternalStore } from 'react';
import type { LogModel } from './log-model';

/** The model's version, re-rendering at most once per animation frame however fast lines arrive. */
export function useModelVersion(model: LogModel): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      let frame = 0;
      const unsubscribe = model.subscribe(() => {
        frame ||= requestAnimationFrame(() => {
          frame = 0;
          onChange();
        });
      });
      return () => {
        unsubscribe();
        cancelAnimationFrame(frame);
      };
    },
    [model],
  );
  return useSyncExternalStore(subscribe, () => model.version);
}
