import type { BerthServices } from '../services/create-services';
import { createNoticesSource } from '../services/diagnostics/notices-source';
import { gpuFiguresReader } from '../services/stats/gpu-figures';
import { StatsSampler } from '../services/stats/stats-sampler';
import { createStatsSource } from '../services/stats/stats-source';
import type { Desktop } from './desktop';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function statsHandlers(
  services: BerthServices,
  desktop: Desktop,
): HandlerGroup<OperationsOf<'stats'>, 'stats' | 'notices'> {
  const { connection } = services;
  // One sampler for every stats stream of the window: two views of one container cost one request per round, and
  // with no stream open (window hidden, no card visible) no timer runs at all.
  const sampler = new StatsSampler({
    getDocker: () => connection.getDocker(),
    machineMemoryBytes: () => connection.getState().info?.memoryBytes,
  });
  const gpu = gpuFiguresReader(services.gpus);
  return {
    operations: {},
    streams: {
      // GPU figures come from this machine's nvidia-smi: only meaningful when the engine runs here.
      stats: (input) =>
        createStatsSource({ engine: connection, sampler, gpu: services.engineIsLocal() ? gpu : undefined }, input),
      notices: (interest) =>
        createNoticesSource(connection, interest, (notice) => desktop.notify(notice.title, notice.body)),
    },
  };
}
