import type { StateCreator } from 'zustand';
import type { ErrorPayload } from '../../../shared/errors';
import type { GpuOverview } from '../../../shared/schemas/gpu';
import { api } from '../lib/api';
import type { BerthStore } from './store';

export interface GpusSlice {
  gpuOverview: GpuOverview | null;
  gpuOverviewError: ErrorPayload | null;
  gpuOverviewLoading: boolean;
  loadGpuOverview(): Promise<void>;
}

export const createGpusSlice: StateCreator<BerthStore, [], [], GpusSlice> = (set, get) => ({
  gpuOverview: null,
  gpuOverviewError: null,
  gpuOverviewLoading: false,
  loadGpuOverview: async () => {
    if (get().gpuOverviewLoading) return;
    set({ gpuOverviewLoading: true });
    const result = await api.gpus.overview();
    set(
      result.ok
        ? { gpuOverview: result.value, gpuOverviewError: null, gpuOverviewLoading: false }
        : { gpuOverviewError: result.error, gpuOverviewLoading: false },
    );
  },
});
