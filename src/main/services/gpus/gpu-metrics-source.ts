import type { GpuMetrics, GpuPollVisibility } from '@shared/schemas/gpu';
import type { StreamSource } from '../streams/stream-source';
import type { GpuService } from './gpu-service';
import type { GpuMetricsPoller } from './metrics-poller';

type ActiveVisibility = Exclude<GpuPollVisibility, 'hidden'>;

function isVisibilityUpdate(data: unknown): data is { visibility: ActiveVisibility } {
  const visibility = (data as { visibility?: unknown } | null)?.visibility;
  return visibility === 'visible' || visibility === 'background';
}

/**
 * The `gpuMetrics` stream: live samples while the GPU page is open. The page says whether the window
 * is in front (`visible`, every 2 s) or behind (`background`, slower); closing the stream stops polling.
 */
export function createGpuMetricsSource(gpus: GpuService, initial: ActiveVisibility): StreamSource<GpuMetrics[]> {
  let poller: GpuMetricsPoller | null = null;
  let visibility: ActiveVisibility = initial;
  let paused = false;
  let disposed = false;
  const apply = () => poller?.setVisibility(paused ? 'hidden' : visibility);

  return {
    start(sink) {
      gpus
        .createPoller({ onSample: (metrics) => sink.emit(metrics), onError: (error) => sink.end(error) })
        .then((created) => {
          if (disposed) return created?.stop();
          if (!created) return sink.end();
          poller = created;
          apply();
        })
        .catch((error: unknown) => sink.end(error));
    },
    pause() {
      paused = true;
      apply();
    },
    resume() {
      paused = false;
      apply();
    },
    receive(data) {
      if (!isVisibilityUpdate(data)) return;
      visibility = data.visibility;
      apply();
    },
    dispose() {
      disposed = true;
      poller?.stop();
    },
  };
}
