import { useMemo } from 'react';
import { containerStatus } from '../status/container-status';
import { useBerthStore } from '../stores/store';

/** Compose services whose containers failed (exit ≠ 0, OOM, unhealthy): the sidebar's badge on Projects. */
export function useFailedCount(): number {
  const containers = useBerthStore((state) => state.containers);
  const connected = useBerthStore((state) => state.engine?.status === 'connected');
  return useMemo(() => {
    if (!connected) return 0;
    const failed = new Set<string>();
    for (const container of Object.values(containers)) {
      if (!container.compose || container.compose.oneoff) continue;
      if (containerStatus(container).tone === 'bad') {
        failed.add(`${container.compose.project}/${container.compose.service}`);
      }
    }
    return failed.size;
  }, [containers, connected]);
}
