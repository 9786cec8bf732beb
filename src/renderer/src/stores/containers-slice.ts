import type { StateCreator } from 'zustand';
import type { ContainerSummary } from '@shared/schemas/containers';
import type { BerthStore } from './store';

export interface ContainersSlice {
  containers: Record<string, ContainerSummary>;
  /** False until the first full list arrived, so the page can tell "loading" from "none". */
  containersLoaded: boolean;
  replaceContainers(list: ContainerSummary[]): void;
  /** `null` removes the container (it was destroyed). */
  upsertContainer(id: string, container: ContainerSummary | null): void;
}

export const createContainersSlice: StateCreator<BerthStore, [], [], ContainersSlice> = (set) => ({
  containers: {},
  containersLoaded: false,
  replaceContainers: (list) =>
    set({ containers: Object.fromEntries(list.map((container) => [container.id, container])), containersLoaded: true }),
  upsertContainer: (id, container) =>
    set((state) => {
      const containers = { ...state.containers };
      if (container) containers[id] = container;
      else delete containers[id];
      return { containers };
    }),
});
