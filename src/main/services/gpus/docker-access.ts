import type Docker from 'dockerode';
import type { EngineInfoForGpus } from './engine-capability';
import type { EngineDeviceRequest } from './gpu-requests';
import type { ContainerRef } from './gpu-usage';

export interface GpuContainer extends ContainerRef {
  running: boolean;
}

/** The three engine calls the GPU layer makes; an interface so the CLI and tests can hand in a fake. */
export interface GpuDockerAccess {
  info(): Promise<EngineInfoForGpus>;
  listContainers(): Promise<GpuContainer[]>;
  deviceRequests(containerId: string): Promise<EngineDeviceRequest[]>;
}

export function dockerodeGpuAccess(docker: Docker): GpuDockerAccess {
  return {
    info: () => docker.info() as Promise<EngineInfoForGpus>,
    async listContainers() {
      const containers = await docker.listContainers({ all: true });
      return containers.map((container) => ({
        id: container.Id,
        name: container.Names?.[0] ?? container.Id.slice(0, 12),
        labels: container.Labels ?? {},
        running: container.State === 'running',
      }));
    },
    async deviceRequests(containerId) {
      const inspected = await docker.getContainer(containerId).inspect();
      return (inspected.HostConfig.DeviceRequests ?? []) as EngineDeviceRequest[];
    },
  };
}
