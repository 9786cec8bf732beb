import type { GpuDevice, HostGpuInventory } from '@shared/schemas/gpu';

/** A GPU as detection reports it; tests override what they care about. */
export function nvidiaGpu(index: number, overrides: Partial<GpuDevice> = {}): GpuDevice {
  const uuid = `GPU-0000000${index}-aaaa-bbbb-cccc-00000000000${index}`;
  return {
    id: uuid,
    vendor: 'nvidia',
    index,
    uuid,
    name: 'NVIDIA H100 80GB HBM3',
    pciBusId: `00000000:0${index}:00.0`,
    driverVersion: '590.48.01',
    memoryTotalMiB: 81559,
    computeCapability: '9.0',
    migEnabled: false,
    migDevices: [],
    driverModel: null,
    metrics: null,
    ...overrides,
  };
}

export function inventoryOf(gpus: GpuDevice[], probes: HostGpuInventory['probes'] = []): HostGpuInventory {
  return { gpus, cudaVersion: '13.1', probes, detectedAt: 0 };
}
