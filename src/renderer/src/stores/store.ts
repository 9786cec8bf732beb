import { create } from 'zustand';
import { createContainersSlice, type ContainersSlice } from './containers-slice';
import { createEngineSlice, type EngineSlice } from './engine-slice';
import { createGpusSlice, type GpusSlice } from './gpus-slice';
import { createProjectsSlice, type ProjectsSlice } from './projects-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createVolumesSlice, type VolumesSlice } from './volumes-slice';

/** One bound store of slices; it holds metadata only (never log lines or terminal bytes). */
export type BerthStore = EngineSlice & ContainersSlice & GpusSlice & ProjectsSlice & UiSlice & VolumesSlice;

export const useBerthStore = create<BerthStore>()((...args) => ({
  ...createEngineSlice(...args),
  ...createContainersSlice(...args),
  ...createGpusSlice(...args),
  ...createProjectsSlice(...args),
  ...createUiSlice(...args),
  ...createVolumesSlice(...args),
}));
