import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GpuCapability, HostGpuInventory } from '@shared/schemas/gpu';
import { createDockerClient } from '../../../src/main/services/docker/docker-client';
import { dockerodeGpuAccess, type GpuDockerAccess } from '../../../src/main/services/gpus/docker-access';
import { assessGpuCapability, type EngineInfoForGpus } from '../../../src/main/services/gpus/engine-capability';
import { GpuService } from '../../../src/main/services/gpus/gpu-service';
import { requireEngine } from '../../support/require-engine';
import { skipWithoutPrivateDockerd, startPrivateDockerd, type PrivateDockerd } from '../../support/private-dockerd';
import { inventoryOf, nvidiaGpu } from '../../support/gpu/gpu-test-data';

const engine = await requireEngine();
// Never skips with BERTH_REQUIRE_DOCKER=1 (CI): there a missing private engine fails the suite.
const skipPrivateEngine = skipWithoutPrivateDockerd();

/** What this machine really has (these CI machines have no GPU), and the same machine with one H100. */
const withGpu = inventoryOf([nvidiaGpu(0)]);

function verdict(info: EngineInfoForGpus, inventory: HostGpuInventory, toolkit: boolean | null): GpuCapability {
  return assessGpuCapability(info, {
    engineIsLocal: true,
    hostPlatform: 'linux',
    inventory,
    nvidiaToolkitOnHost: toolkit,
  });
}

describe.skipIf(!engine.available)('GPU capability from a real engine’s info', () => {
  let hostInventory: HostGpuInventory;
  let info: EngineInfoForGpus;

  beforeAll(async () => {
    hostInventory = await new GpuService({ rocmSmiPath: null }).inventory();
    info = await dockerodeGpuAccess(engine.docker).info();
  });

  it('engine without an nvidia runtime: the facts, and no on a machine without GPUs', () => {
    const capability = verdict(info, hostInventory, null);
    expect(capability.runtimes).toContain('runc');
    expect(capability.runtimes).not.toContain('nvidia');
    expect(capability.dockerDesktop).toBe(false);
    if (hostInventory.gpus.length === 0) {
      expect(capability.verdict).toBe('no');
      expect(capability.because).toMatch(/No NVIDIA or AMD GPU was found on this machine/);
    }
  });

  it('engine without an nvidia runtime, GPU present, toolkit missing: no, with the toolkit as the fix', () => {
    const capability = verdict(info, withGpu, false);
    expect(capability.verdict).toBe('no');
    expect(capability.fix).toMatch(/nvidia-ctk runtime configure/);
  });

  it('the preflight path (GpuService.capability) gives the same verdict', async () => {
    const service = new GpuService({ rocmSmiPath: null, nvidiaToolkitOnHost: null });
    const capability = await service.capability(dockerodeGpuAccess(engine.docker), true);
    expect(capability).toEqual(verdict(info, await service.inventory(), null));
  });

  describe.skipIf(skipPrivateEngine)('a private engine with `nvidia` registered in daemon.json', () => {
    let dockerd: PrivateDockerd;
    let access: GpuDockerAccess;

    beforeAll(async () => {
      // The runtime points at runc: the engine only has to register it, not run GPU containers.
      dockerd = await startPrivateDockerd({ name: 'gpu-runtime', runtimes: { nvidia: { path: 'runc' } } });
      access = dockerodeGpuAccess(createDockerClient({ transport: 'unix', socketPath: dockerd.socketPath }));
    }, 60_000);

    afterAll(async () => {
      await dockerd?.dispose();
    });

    it('yes when this machine has an NVIDIA GPU', async () => {
      const capability = verdict(await access.info(), withGpu, false);
      expect(capability.runtimes).toContain('nvidia');
      expect(capability).toMatchObject({ verdict: 'yes', fix: null, defaultRuntime: 'runc' });
      expect(capability.because).toMatch(/"nvidia" runtime is registered/);
    });

    it('no when the machine has no GPU, saying the runtime alone is not enough', async () => {
      const capability = verdict(await access.info(), inventoryOf([]), null);
      expect(capability.verdict).toBe('no');
      expect(capability.because).toMatch(/although the "nvidia" runtime is registered/);
    });
  });
});
