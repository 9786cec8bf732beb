import type { MetricsSampler } from '../metrics-sampler';
import { readAmdSysfs } from './sysfs';

/** amdgpu's sysfs counters: a few file reads per GPU, no process, so plain polling is cheap and loop mode unneeded. */
export function amdSysfsMetricsSampler(sysRoot?: string): MetricsSampler {
  return {
    async sample() {
      return (await readAmdSysfs(sysRoot)).map((gpu) => gpu.metrics);
    },
  };
}
