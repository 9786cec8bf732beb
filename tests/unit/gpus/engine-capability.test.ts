import { describe, expect, it } from 'vitest';
import { assessGpuCapability, type CapabilityContext } from '../../../src/main/services/gpus/engine-capability';
import { inventoryOf, nvidiaGpu } from '../../support/gpu/gpu-test-data';

const linuxEngine = {
  Runtimes: { runc: { path: 'runc' }, 'io.containerd.runc.v2': { path: 'runc' } },
  DefaultRuntime: 'runc',
  OperatingSystem: 'Ubuntu 22.04.4 LTS',
  KernelVersion: '6.8.0-45-generic',
};
const withNvidiaRuntime = {
  ...linuxEngine,
  Runtimes: { ...linuxEngine.Runtimes, nvidia: { path: 'nvidia-container-runtime' } },
};
const oneGpu = inventoryOf([nvidiaGpu(0)]);
const local = (overrides: Partial<CapabilityContext> = {}): CapabilityContext => ({
  engineIsLocal: true,
  hostPlatform: 'linux',
  inventory: oneGpu,
  nvidiaToolkitOnHost: null,
  ...overrides,
});

describe('assessGpuCapability', () => {
  it('says yes when the nvidia runtime is registered, and lists the facts', () => {
    const capability = assessGpuCapability(withNvidiaRuntime, local());
    expect(capability).toMatchObject({
      verdict: 'yes',
      fix: null,
      runtimes: ['io.containerd.runc.v2', 'nvidia', 'runc'],
      defaultRuntime: 'runc',
      engineIsLocal: true,
      dockerDesktop: false,
      wsl2: false,
    });
    expect(capability.because).toMatch(/"nvidia" runtime is registered/);
  });

  it('mentions when nvidia is the default runtime', () => {
    const capability = assessGpuCapability({ ...withNvidiaRuntime, DefaultRuntime: 'nvidia' }, local());
    expect(capability.because).toMatch(/is its default/);
  });

  it('says yes from CDI devices the engine discovered', () => {
    const capability = assessGpuCapability(
      {
        ...linuxEngine,
        CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
        DiscoveredDevices: [
          { Source: 'cdi', ID: 'nvidia.com/gpu=0' },
          { Source: 'cdi', ID: 'nvidia.com/gpu=all' },
        ],
      },
      local(),
    );
    expect(capability).toMatchObject({
      verdict: 'yes',
      cdiSpecDirs: ['/etc/cdi', '/var/run/cdi'],
      cdiDevices: ['nvidia.com/gpu=0', 'nvidia.com/gpu=all'],
    });
  });

  it('says no, with the toolkit install as the fix, when the GPU is there but the toolkit is not', () => {
    const capability = assessGpuCapability(linuxEngine, local({ nvidiaToolkitOnHost: false }));
    expect(capability.verdict).toBe('no');
    expect(capability.fix).toMatch(/nvidia-ctk runtime configure --runtime=docker/);
  });

  it('says yes when only the toolkit hook is installed (Docker’s --gpus uses it without a runtime)', () => {
    expect(assessGpuCapability(linuxEngine, local({ nvidiaToolkitOnHost: true })).verdict).toBe('yes');
  });

  it('says unknown when the toolkit was not checked', () => {
    const capability = assessGpuCapability(linuxEngine, local());
    expect(capability.verdict).toBe('unknown');
    expect(capability.fix).toMatch(/docker run --rm --gpus all/);
  });

  it('says no when this machine has no GPU, even with the runtime registered', () => {
    const capability = assessGpuCapability(withNvidiaRuntime, local({ inventory: inventoryOf([]) }));
    expect(capability.verdict).toBe('no');
    expect(capability.because).toMatch(/No NVIDIA or AMD GPU was found.*although the "nvidia" runtime/);
  });

  it('passes on why nvidia-smi failed', () => {
    const inventory = inventoryOf(
      [],
      [
        {
          probe: 'nvidia-smi',
          status: 'failed',
          source: '/usr/bin/nvidia-smi',
          detail: 'Driver/library version mismatch',
        },
      ],
    );
    expect(assessGpuCapability(linuxEngine, local({ inventory })).because).toMatch(/Driver\/library version mismatch/);
  });

  it('says unknown while detection has not finished', () => {
    expect(assessGpuCapability(linuxEngine, local({ inventory: null })).verdict).toBe('unknown');
  });

  it('recognizes Docker Desktop on WSL2 with an NVIDIA GPU', () => {
    const capability = assessGpuCapability(
      {
        ...linuxEngine,
        OperatingSystem: 'Docker Desktop',
        KernelVersion: '5.15.153.1-microsoft-standard-WSL2',
      },
      local({ hostPlatform: 'win32' }),
    );
    expect(capability).toMatchObject({ verdict: 'yes', dockerDesktop: true, wsl2: true });
  });

  it('says no for Docker Desktop on macOS', () => {
    const capability = assessGpuCapability(
      { ...linuxEngine, OperatingSystem: 'Docker Desktop', KernelVersion: '6.10.14-linuxkit' },
      local({ hostPlatform: 'darwin', inventory: inventoryOf([]) }),
    );
    expect(capability).toMatchObject({ verdict: 'no', dockerDesktop: true, wsl2: false });
    expect(capability.because).toMatch(/macOS/);
  });

  it('says that host GPUs are not the engine’s when the engine is remote', () => {
    const unknown = assessGpuCapability(linuxEngine, local({ engineIsLocal: false }));
    expect(unknown.verdict).toBe('unknown');
    expect(unknown.because).toMatch(/not the engine’s/);
    const yes = assessGpuCapability(withNvidiaRuntime, local({ engineIsLocal: false, inventory: inventoryOf([]) }));
    expect(yes.verdict).toBe('yes');
    expect(yes.because).toMatch(/not the engine’s/);
  });

  it('explains that AMD GPUs go through devices unless the engine offers amd.com/gpu CDI devices', () => {
    const amd = inventoryOf([{ ...nvidiaGpu(0), vendor: 'amd', id: '0000:07:00.0', uuid: null }]);
    expect(assessGpuCapability(linuxEngine, local({ inventory: amd })).fix).toMatch(/\/dev\/kfd/);
    const cdi = { ...linuxEngine, DiscoveredDevices: [{ Source: 'cdi', ID: 'amd.com/gpu=0' }] };
    expect(assessGpuCapability(cdi, local({ inventory: amd })).verdict).toBe('yes');
  });

  it('tolerates the sparse info of old engines and Podman', () => {
    expect(() => assessGpuCapability({}, local())).not.toThrow();
    expect(assessGpuCapability({ Runtimes: null, CDISpecDirs: null }, local())).toMatchObject({
      runtimes: [],
      cdiSpecDirs: [],
    });
  });
});
