import { useEffect, useState } from 'react';
import type { GpuMetrics } from '@shared/schemas/gpu';
import { api } from '../../lib/api';

/** Samples kept per GPU for the sparklines: two minutes at the visible rate. */
const HISTORY = 60;

export type MetricsHistory = Record<string, GpuMetrics[]>;

const windowVisibility = () => (document.visibilityState === 'visible' ? 'visible' : 'background');

/**
 * Live GPU metrics while the GPU page is mounted: every 2 s while the window is in front, slower
 * behind other windows; unmounting closes the stream, which stops polling in main.
 */
export function useGpuMetrics(enabled: boolean): MetricsHistory {
  const [history, setHistory] = useState<MetricsHistory>({});
  useEffect(() => {
    if (!enabled) return;
    const handle = api.streams.open(
      'gpuMetrics',
      { visibility: windowVisibility() },
      {
        onMessage(samples, cost) {
          setHistory((previous) => {
            const next = { ...previous };
            for (const sample of samples) next[sample.gpuId] = [...(next[sample.gpuId] ?? []), sample].slice(-HISTORY);
            return next;
          });
          handle.ack(cost);
        },
        onClose() {},
      },
    );
    const onVisibility = () => handle.send({ visibility: windowVisibility() });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      handle.close();
    };
  }, [enabled]);
  return history;
}
