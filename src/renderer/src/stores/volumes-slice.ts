import type { StateCreator } from 'zustand';
import type { ErrorPayload } from '@shared/errors';
import type { BrowseTarget, VolumeList } from '@shared/schemas/volumes';
import { api } from '../lib/api';
import type { BerthStore } from './store';

export interface VolumesSlice {
  volumeList: VolumeList | null;
  volumeListError: ErrorPayload | null;
  /** Bytes per volume name; filled lazily because the engine's disk-usage call is slow. */
  volumeSizes: Record<string, number | null>;
  volumeSizesLoading: boolean;
  /** The volume or bind mount being browsed, and where in it. */
  browseTarget: BrowseTarget | null;
  browsePath: string;
  loadVolumes(): Promise<void>;
  loadVolumeSizes(): Promise<void>;
  browse(target: BrowseTarget | null, path?: string): void;
  /**
   * A volume was created or removed on the engine (the events stream says so): the list, once shown, reloads.
   * Bursts (a `down -v` removes several) reload once.
   */
  volumeChanged(name: string, action: 'create' | 'destroy'): void;
}

/** Events within this window reload the list once. */
const VOLUME_EVENT_SETTLE_MS = 250;

export const createVolumesSlice: StateCreator<BerthStore, [], [], VolumesSlice> = (set, get) => {
  let reload: ReturnType<typeof setTimeout> | null = null;
  return {
    volumeList: null,
    volumeListError: null,
    volumeSizes: {},
    volumeSizesLoading: false,
    browseTarget: null,
    browsePath: '',
    loadVolumes: async () => {
      const result = await api.volumes.list();
      set(result.ok ? { volumeList: result.value, volumeListError: null } : { volumeListError: result.error });
    },
    loadVolumeSizes: async () => {
      if (get().volumeSizesLoading) return;
      set({ volumeSizesLoading: true });
      const result = await api.volumes.sizes();
      const sizes = result.ok ? Object.fromEntries(result.value.map((size) => [size.name, size.sizeBytes])) : {};
      set({ volumeSizes: sizes, volumeSizesLoading: false });
    },
    browse: (target, path = '') => set({ browseTarget: target, browsePath: path }),
    volumeChanged: (name, action) => {
      const { browseTarget, volumeList } = get();
      if (action === 'destroy' && browseTarget?.kind === 'volume' && browseTarget.volume === name) {
        set({ browseTarget: null, browsePath: '' });
      }
      if (volumeList === null || reload !== null) return;
      reload = setTimeout(() => {
        reload = null;
        void get().loadVolumes();
      }, VOLUME_EVENT_SETTLE_MS);
    },
  };
};
