import type { StateCreator } from 'zustand';
import type { EngineState } from '@shared/schemas/engine';
import type { BerthStore } from './store';

export interface EngineSlice {
  engine: EngineState | null;
  setEngine(engine: EngineState): void;
}

export const createEngineSlice: StateCreator<BerthStore, [], [], EngineSlice> = (set) => ({
  engine: null,
  setEngine: (engine) => set({ engine }),
});
