import type { StateCreator } from 'zustand';
import type { OperationOutput } from '@shared/contract';
import type { ErrorPayload } from '@shared/errors';
import type { DeclaredGpuRequest, GpuOverview } from '@shared/schemas/gpu';
import { api } from '../lib/api';
import type { BerthStore } from './store';

export type GpuAssignment = OperationOutput<'gpus.assignments'>[number];

export interface GpusSlice {
  gpuOverview: GpuOverview | null;
  gpuOverviewError: ErrorPayload | null;
  gpuOverviewLoading: boolean;
  /** GPUs pinned to services from this page, kept in Berth's own state. */
  gpuAssignments: GpuAssignment[];
  gpuAssignmentsError: ErrorPayload | null;
  /** What saved projects' Compose files ask for, created or not. */
  declaredGpuRequests: DeclaredGpuRequest[];
  loadGpuOverview(): Promise<void>;
  loadDeclaredGpuRequests(): Promise<void>;
  loadGpuAssignments(): Promise<void>;
  /** Pins `deviceIds` to the service, or removes its pin with null; resolves with the error, if any. */
  assignGpus(project: string, service: string, deviceIds: string[] | null): Promise<ErrorPayload | null>;
}

export const createGpusSlice: StateCreator<BerthStore, [], [], GpusSlice> = (set, get) => ({
  gpuOverview: null,
  gpuOverviewError: null,
  gpuOverviewLoading: false,
  gpuAssignments: [],
  gpuAssignmentsError: null,
  declaredGpuRequests: [],
  loadDeclaredGpuRequests: async () => {
    const result = await api.gpus.declaredRequests();
    if (result.ok) set({ declaredGpuRequests: result.value });
  },
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
  loadGpuAssignments: async () => {
    const result = await api.gpus.assignments();
    set(
      result.ok ? { gpuAssignments: result.value, gpuAssignmentsError: null } : { gpuAssignmentsError: result.error },
    );
  },
  assignGpus: async (project, service, deviceIds) => {
    const result = await api.gpus.assign({ project, service, deviceIds });
    if (!result.ok) return result.error;
    set({ gpuAssignments: result.value.assignments, gpuAssignmentsError: null });
    return null;
  },
});
