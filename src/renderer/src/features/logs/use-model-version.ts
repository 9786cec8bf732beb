import { useEffect, useState } from 'react';
import type { LogModel } from './log-model';

/** The model's version, updated at most once per animation frame however fast lines arrive. */
export function useModelVersion(model: LogModel): number {
  const [version, setVersion] = useState(model.version);
  useEffect(() => {
    let frame = 0;
    const unsubscribe = model.subscribe(() => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        setVersion(model.version);
      });
    });
    setVersion(model.version);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [model]);
  return version;
}
