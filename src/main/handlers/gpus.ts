import type { BerthServices } from '../services/create-services';
import { dockerodeGpuAccess } from '../services/gpus/docker-access';
import { createGpuMetricsSource } from '../services/gpus/gpu-metrics-source';
import { pinGpus } from '../services/projects/pin-gpus';
import { declaredGpuRequests } from '../services/projects/declared-gpu-requests';
import type { HandlerGroup, OperationsOf } from './handler-types';

export function gpusHandlers(services: BerthServices): HandlerGroup<OperationsOf<'gpus'>, 'gpuMetrics'> {
  const { connection, gpus, gpuAssignments } = services;
  return {
    operations: {
      'gpus.overview': () => {
        const docker = connection.getState().status === 'connected' ? dockerodeGpuAccess(connection.getDocker()) : null;
        return gpus.overview({ docker, engineIsLocal: services.engineIsLocal() });
      },
      'gpus.assignments': () => gpuAssignments.list(),
      'gpus.assign': async ({ project, service, deviceIds }) => {
        await pinGpus(
          { store: gpuAssignments, stateDir: services.stateDir, catalog: services.catalog },
          project,
          service,
          deviceIds,
        );
        return { assignments: await gpuAssignments.list() };
      },
      'gpus.declaredRequests': () => declaredGpuRequests(services.catalog),
    },
    streams: { gpuMetrics: ({ visibility }) => createGpuMetricsSource(gpus, visibility) },
  };
}
