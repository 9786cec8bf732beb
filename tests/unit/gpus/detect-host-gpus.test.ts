import { describe, expect, it } from 'vitest';
import { detectHostGpus } from '../../../src/main/services/gpus/detect-host-gpus';
import { detectNvidia } from '../../../src/main/services/gpus/nvidia/detect-nvidia';
import { ToolMissingError, type ToolRunner } from '../../../src/main/services/gpus/tool-runner';
import { BerthError } from '@shared/errors';
import { captureRunner } from '../../support/gpu/capture-tools';
import { fixtureDir } from '../../support/gpu/fixtures';

const nvidiaDir = fixtureDir('nvidia-smi');
const H100_MIG = 'linux-x86_64__nvidia-h100-mig__590.48.01';

describe.skipIf(!nvidiaDir)('NVIDIA detection from captured output', () => {
  it('lists the MIG GPU with its MIG devices, and the CUDA version from -q -x', async () => {
    const { runner, calls } = captureRunner(nvidiaDir!, H100_MIG, 'telegraf__a100-sxm4-v12.xml');
    const result = await detectNvidia(runner, '/usr/bin/nvidia-smi');
    expect(calls.map((args) => args[0])).toEqual([
      '--query-gpu=index,uuid,name,pci.bus_id,driver_version,memory.total,mig.mode.current,compute_cap',
      '-L',
      '-q',
    ]);
    expect(result.cudaVersion).toBe('12.2');
    expect(result.report).toEqual({
      probe: 'nvidia-smi',
      status: 'found',
      source: '/usr/bin/nvidia-smi',
      detail: '1 GPU',
    });
    const [gpu] = result.gpus;
    expect(gpu).toMatchObject({
      name: 'NVIDIA H100 80GB HBM3',
      memoryTotalMiB: 81559,
      migEnabled: true,
      computeCapability: '9.0',
    });
    expect(gpu!.migDevices.map((mig) => [mig.index, mig.profile, mig.uuid])).toEqual([
      [0, '3g.40gb', 'MIG-00000000-0000-0000-0000-000000000000'],
      [1, '2g.20gb', 'MIG-00000001-0000-0000-0000-000000000001'],
      [2, '1g.10gb', 'MIG-00000002-0000-0000-0000-000000000002'],
      [3, '1g.10gb', 'MIG-00000003-0000-0000-0000-000000000003'],
    ]);
  });

  it('still lists GPUs when -L and -q -x fail', async () => {
    const { runner } = captureRunner(nvidiaDir!, 'linux-x86_64__nvidia-l40s__595.80', null);
    const result = await detectNvidia(runner, 'nvidia-smi');
    expect(result.gpus.map((gpu) => gpu.name)).toEqual(['NVIDIA L40S']);
    expect(result.cudaVersion).toBeNull();
  });
});

describe('detectHostGpus', () => {
  const failing = (error: Error): ToolRunner => ({ run: async () => Promise.reject(error) });

  it('says nvidia-smi is missing rather than throwing, and skips Apple/Intel without a probe', async () => {
    const inventory = await detectHostGpus({
      runner: failing(new Error('not called')),
      platform: 'linux',
      nvidiaSmiPath: null,
      rocmSmiPath: null,
      sysRoot: '/nonexistent',
      now: () => 7,
    });
    expect(inventory).toEqual({
      gpus: [],
      cudaVersion: null,
      detectedAt: 7,
      probes: [
        { probe: 'nvidia-smi', status: 'missing', source: null, detail: 'nvidia-smi not found' },
        { probe: 'amd-sysfs', status: 'none', source: '/nonexistent', detail: '0 amdgpu cards' },
        { probe: 'rocm-smi', status: 'missing', source: null, detail: 'rocm-smi not found' },
        { probe: 'system', status: 'skipped', source: null, detail: 'Apple/Intel detection is not wired in' },
      ],
    });
  });

  it('reports a failing nvidia-smi (driver not loaded) with its message', async () => {
    const inventory = await detectHostGpus({
      runner: failing(
        new BerthError(
          'E_INTERNAL',
          "nvidia-smi failed: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.",
        ),
      ),
      platform: 'linux',
      nvidiaSmiPath: '/usr/lib/wsl/lib/nvidia-smi',
      rocmSmiPath: null,
      sysRoot: '/nonexistent',
    });
    expect(inventory.probes[0]).toMatchObject({ status: 'failed', source: '/usr/lib/wsl/lib/nvidia-smi' });
    expect(inventory.probes[0]!.detail).toMatch(/couldn't communicate/);
  });

  it('treats a vanished program as missing', async () => {
    const inventory = await detectHostGpus({
      runner: failing(new ToolMissingError('nvidia-smi')),
      platform: 'linux',
      nvidiaSmiPath: 'nvidia-smi',
      rocmSmiPath: null,
      sysRoot: '/nonexistent',
    });
    expect(inventory.probes[0]!.status).toBe('missing');
  });

  it('adds GPUs from the Apple/Intel probe, keeping NVIDIA and AMD to their own probes', async () => {
    const inventory = await detectHostGpus({
      runner: failing(new Error('unused')),
      platform: 'darwin',
      nvidiaSmiPath: null,
      otherProbe: {
        listGpus: async () => [
          {
            id: 'apple-0',
            vendor: 'apple',
            index: 0,
            uuid: null,
            name: 'Apple M3 Max',
            pciBusId: null,
            driverVersion: null,
            memoryTotalMiB: null,
            computeCapability: null,
            migEnabled: null,
            migDevices: [],
            driverModel: null,
            metrics: null,
          },
        ],
      },
    });
    expect(inventory.gpus.map((gpu) => gpu.name)).toEqual(['Apple M3 Max']);
    expect(inventory.probes.map((probe) => probe.probe)).toEqual(['nvidia-smi', 'system']);
  });
});
