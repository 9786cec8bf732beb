/**
 * GPU preflight against real engines: a private dockerd without a GPU runtime (Berth refuses up front, naming the
 * services and the fix, creating nothing) and one with an `nvidia` runtime registered (pointing at runc), where
 * the project goes ahead and `runtime: nvidia` reaches HostConfig.Runtime.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { ComposeEngine } from '../../../src/main/services/compose/engine/compose-engine';
import { createDockerClient } from '../../../src/main/services/docker/docker-client';
import { assessGpuCapability } from '../../../src/main/services/gpus/engine-capability';
import type { HostGpuInventory } from '@shared/schemas/gpu';
import {
  privateDockerdUnsupportedReason,
  startPrivateDockerd,
  type PrivateDockerd,
} from '../../support/private-dockerd';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { leftovers, testProject } from './support';

const engine = await requireEngine();
const unsupported = privateDockerdUnsupportedReason();

/** This machine has no GPU; the verdict is computed as if it had one NVIDIA GPU, so only the engine decides. */
const ONE_NVIDIA_GPU: HostGpuInventory = {
  gpus: [
    {
      id: 'GPU-test',
      vendor: 'nvidia',
      index: 0,
      uuid: 'GPU-test',
      name: 'Test GPU',
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
  cudaVersion: null,
  probes: [],
  detectedAt: 0,
};

const STACK = `
name: \${NAME}
services:
  trainer:
    image: berth-test-busybox:latest
    command: sleep 3600
    init: true
    runtime: nvidia
    network_mode: none
  web:
    image: berth-test-busybox:latest
    command: sleep 3600
    network_mode: none
`;

function gpuEngine(docker: Docker): ComposeEngine {
  return new ComposeEngine(docker, {
    gpuCapability: async () =>
      assessGpuCapability(await docker.info(), {
        engineIsLocal: true,
        hostPlatform: 'linux',
        inventory: ONE_NVIDIA_GPU,
        nvidiaToolkitOnHost: false,
      }),
  });
}

async function copyTestImage(from: Docker, to: Docker): Promise<void> {
  const archive = await from.getImage(TEST_IMAGE).get();
  const loading = await to.loadImage(archive);
  await new Promise((resolve, reject) =>
    to.modem.followProgress(loading, (error: Error | null) => (error ? reject(error) : resolve(null))),
  );
}

describe.skipIf(!engine.available || unsupported !== null)('compose engine: GPU preflight', () => {
  let plain: PrivateDockerd;
  let withRuntime: PrivateDockerd;

  beforeAll(async () => {
    [plain, withRuntime] = await Promise.all([
      startPrivateDockerd({ name: 'gpu-none' }),
      startPrivateDockerd({ name: 'gpu-nvidia', runtimes: { nvidia: { path: 'runc' } } }),
    ]);
    await copyTestImage(engine.docker, createDockerClient({ transport: 'unix', socketPath: withRuntime.socketPath }));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([plain?.dispose(), withRuntime?.dispose()]);
  });

  it('without an NVIDIA runtime: fails before creating anything, naming the services and the fix', async () => {
    const docker = createDockerClient({ transport: 'unix', socketPath: plain.socketPath });
    const project = testProject(docker, 'gpu-no', { 'compose.yaml': STACK });
    try {
      const loaded = await project.load();
      const failure = gpuEngine(docker).up(loaded);
      await expect(failure).rejects.toMatchObject({
        code: 'E_GPU_UNAVAILABLE',
        details: { services: ['trainer'], runWithoutGpu: true },
      });
      await expect(failure).rejects.toThrow(
        /service "trainer" .* request GPUs, but containers on this engine cannot use GPUs/,
      );
      await expect(failure).rejects.toMatchObject({ fix: expect.stringContaining('NVIDIA Container Toolkit') });
      expect(await leftovers(docker, project.name)).toEqual([]);
    } finally {
      await project.cleanup();
    }
  });

  it('with an nvidia runtime registered: goes ahead, and runtime: nvidia reaches HostConfig.Runtime', async () => {
    const docker = createDockerClient({ transport: 'unix', socketPath: withRuntime.socketPath });
    const project = testProject(docker, 'gpu-yes', { 'compose.yaml': STACK });
    try {
      await gpuEngine(docker).up(await project.load());
      const trainer = await docker.getContainer(`${project.name}-trainer-1`).inspect();
      expect(trainer.HostConfig.Runtime).toBe('nvidia');
      expect(trainer.State.Running).toBe(true);
    } finally {
      await project.cleanup();
    }
  });
});
