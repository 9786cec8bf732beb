import { describe, expect, it } from 'vitest';
import {
  gpusFromGraphicsControllers,
  type GraphicsController,
} from '../../../src/main/services/gpus/system/graphics-controllers';
import { createSystemGpuProbe } from '../../../src/main/services/gpus/system/system-gpu-probe';
import { detectOtherGpus } from '../../../src/main/services/gpus/other-gpus';

// Controllers shaped as systeminformation's graphics() returns them on each platform (see its GraphicsControllerData).
const appleSilicon: GraphicsController = {
  vendor: 'Apple',
  model: 'Apple M2 Pro',
  bus: 'Built-In',
  vram: null,
  vramDynamic: true,
};
const intelMacWithRadeon: GraphicsController[] = [
  { vendor: 'Intel', model: 'Intel UHD Graphics 630', bus: 'Built-In', vram: 1536, vramDynamic: true },
  { vendor: 'AMD', model: 'AMD Radeon Pro 5500M', bus: 'PCIe', vram: 8192, vramDynamic: false },
];
const linuxDesktop: GraphicsController[] = [
  {
    vendor: 'Intel Corporation',
    model: 'UHD Graphics 630 (Desktop)',
    bus: 'Onboard',
    busAddress: '00:02.0',
    vram: 256,
    vramDynamic: false,
  },
  {
    vendor: 'NVIDIA Corporation',
    model: 'GA102 [GeForce RTX 3090]',
    bus: 'PCIe',
    busAddress: '01:00.0',
    vram: 24576,
    vramDynamic: false,
  },
  {
    vendor: 'Intel Corporation',
    model: 'DG2 [Arc A770]',
    bus: 'PCIe',
    busAddress: '03:00.0',
    vram: 16384,
    vramDynamic: false,
  },
];
const windowsLaptop: GraphicsController[] = [
  {
    vendor: 'Intel Corporation',
    model: 'Intel(R) Iris(R) Xe Graphics',
    bus: '',
    vram: 1024,
    vramDynamic: true,
    driverVersion: '31.0.101.4502',
  },
  { vendor: 'Microsoft', model: 'Microsoft Basic Render Driver', bus: '', vram: 0, vramDynamic: true },
  { vendor: 'Qualcomm', model: 'Qualcomm(R) Adreno(TM) 690 GPU', bus: '', vram: 512, vramDynamic: false },
];
const virtualMachines: GraphicsController[] = [
  { vendor: 'Red Hat, Inc.', model: 'QXL paravirtual graphic card', bus: 'Onboard', vram: 64, vramDynamic: false },
  { vendor: 'VMware', model: 'SVGA II Adapter', bus: 'Onboard', vram: 8, vramDynamic: false },
  { vendor: 'Microsoft Corporation', model: 'Hyper-V virtual VGA', bus: 'Onboard', vram: 8, vramDynamic: false },
  { vendor: '', model: 'Device 1234:1111', bus: 'Onboard', vram: 16, vramDynamic: false },
  { vendor: 'Cirrus Logic', model: 'GD 5446', bus: 'Onboard', vram: 32, vramDynamic: false },
  {
    vendor: 'ASPEED Technology, Inc.',
    model: 'ASPEED Graphics Family',
    bus: 'Onboard',
    vram: 16,
    vramDynamic: false,
  },
  { vendor: '', model: '', bus: '', vram: null, vramDynamic: false },
];

describe('GPUs from systeminformation graphics controllers', () => {
  it('lists an Apple Silicon GPU, with no memory of its own (unified memory)', () => {
    expect(gpusFromGraphicsControllers([appleSilicon])).toEqual([
      {
        id: 'system-0',
        vendor: 'apple',
        index: 0,
        uuid: null,
        name: 'Apple M2 Pro',
        pciBusId: null,
        driverVersion: null,
        memoryTotalMiB: null,
        computeCapability: null,
        migEnabled: null,
        migDevices: [],
        driverModel: null,
        metrics: null,
      },
    ]);
  });

  it('leaves NVIDIA and AMD to their own probes', () => {
    expect(gpusFromGraphicsControllers(intelMacWithRadeon).map((gpu) => [gpu.vendor, gpu.name])).toEqual([
      ['intel', 'Intel UHD Graphics 630'],
    ]);
    const linux = gpusFromGraphicsControllers(linuxDesktop);
    expect(linux.map((gpu) => [gpu.id, gpu.vendor, gpu.index, gpu.name, gpu.memoryTotalMiB])).toEqual([
      ['00:02.0', 'intel', 0, 'UHD Graphics 630 (Desktop)', null],
      ['03:00.0', 'intel', 1, 'DG2 [Arc A770]', 16384],
    ]);
  });

  it('keeps the driver version and calls unknown vendors "other", without the software renderer', () => {
    const gpus = gpusFromGraphicsControllers(windowsLaptop);
    expect(gpus.map((gpu) => [gpu.vendor, gpu.name, gpu.driverVersion, gpu.memoryTotalMiB])).toEqual([
      ['intel', 'Intel(R) Iris(R) Xe Graphics', '31.0.101.4502', null],
      ['other', 'Qualcomm(R) Adreno(TM) 690 GPU', null, 512],
    ]);
  });

  it('does not count the display adapters of virtual machines and server BMCs as GPUs', () => {
    expect(gpusFromGraphicsControllers(virtualMachines)).toEqual([]);
  });
});

describe('the systeminformation probe', () => {
  it('asks systeminformation once, however often detection runs', async () => {
    let calls = 0;
    const probe = createSystemGpuProbe(async () => {
      calls++;
      return [appleSilicon];
    });
    const first = await detectOtherGpus(probe);
    const second = await detectOtherGpus(probe);
    expect(calls).toBe(1);
    expect(first.gpus.map((gpu) => gpu.name)).toEqual(['Apple M2 Pro']);
    expect(second).toEqual(first);
    expect(first.report).toEqual({ probe: 'system', status: 'found', source: 'systeminformation', detail: null });
  });

  it('reports a failure (kept, not retried) with its reason', async () => {
    let calls = 0;
    const probe = createSystemGpuProbe(async () => {
      calls++;
      throw new Error('systeminformation did not list graphics controllers within 10 s');
    });
    const result = await detectOtherGpus(probe);
    await detectOtherGpus(probe);
    expect(calls).toBe(1);
    expect(result).toEqual({
      gpus: [],
      report: {
        probe: 'system',
        status: 'failed',
        source: 'systeminformation',
        detail: 'systeminformation did not list graphics controllers within 10 s',
      },
    });
  });
});
