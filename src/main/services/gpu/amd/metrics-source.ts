import type { MetricsSource } from '../metrics-source';
import { readAmdSysfs } from './sysfs';

/** amdgpu's sysfs counters: a few file reads per GPU, no process, so plain polling is cheap and loop mode unneeded. */
export function amdSysfsMetricsSource(sysRoot?: string): MetricsSource {
  return {
    async sample() {
      return (await readAmdSysfs(sysRoot)).map((gpu) => gpu.metrics);
    },
  };
}
