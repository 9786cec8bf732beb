/**
 * GPUs of the engine's host, seen through the engine — here over ssh: a private dockerd that accepts GPU requests as a
 * host with the NVIDIA Container Toolkit does (an `nvidia` runtime, the runtime hook on its PATH), and a stand-in
 * helper image whose nvidia-smi answers from real H200 captures; and the machine's engine, which has no NVIDIA runtime.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GpuMetrics } from '@shared/schemas/gpu';
import { createEngineClient, type EngineClient } from '../../../src/main/services/docker/docker-client';
import { resolveEndpoint } from '../../../src/main/services/docker/resolve-endpoint';
import { detectEngineGpus } from '../../../src/main/services/gpus/engine-side/engine-gpu-detection';
import { engineGpuMetricsSampler, engineGpuUsage } from '../../../src/main/services/gpus/engine-side/engine-gpu-usage';
import { GpuHelper, GPU_HELPER_LABEL } from '../../../src/main/services/gpus/engine-side/gpu-helper';
import { GpuHelperLease } from '../../../src/main/services/gpus/engine-side/gpu-helper-lease';
import { chooseGpuHelperImage } from '../../../src/main/services/gpus/engine-side/gpu-helper-image';
import { skipWithoutPrivateDockerd } from '../../support/private-dockerd';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import {
  buildStandInImage,
  GLIBC_IMAGE,
  skipWithoutLiveCaptures,
  STAND_IN_IMAGE,
  startGpuEngine,
  type GpuEngine,
} from '../../support/remote-gpu/stand-in-gpu-engine';
import { skipWithoutSshd } from '../../support/ssh/private-sshd';
import { startSshEngine, type SshEngine } from '../../support/ssh/ssh-engine';

const engine = await requireEngine();
const skip = !engine.available || skipWithoutPrivateDockerd() || skipWithoutSshd() || skipWithoutLiveCaptures();

describe.skipIf(skip)('remote GPU detection through the engine', () => {
  let gpuEngine: GpuEngine;
  let ssh: SshEngine;
  let client: EngineClient;

  beforeAll(async () => {
    buildStandInImage();
    gpuEngine = await startGpuEngine([STAND_IN_IMAGE, GLIBC_IMAGE, TEST_IMAGE]);
    // The GPU host is reached over ssh, as a user's gpu-box would be.
    ssh = await startSshEngine({ setEnv: { DOCKER_HOST: gpuEngine.dockerd.dockerHost } });
    client = createEngineClient(resolveEndpoint({ env: ssh.env, homeDir: ssh.home }).target);
  }, 180_000);

  afterAll(async () => {
    client?.close();
    await ssh?.dispose();
    await gpuEngine?.dispose();
  }, 60_000);

  it('says whose host has which GPUs, from the helper nvidia-smi, parsed as on a local host', async () => {
    const helper = new GpuHelper(client.docker, STAND_IN_IMAGE);
    try {
      const detection = await detectEngineGpus(client.docker, helper, { hostLabel: 'gpu-box' });
      expect(detection).toMatchObject({
        state: 'gpus',
        verdict: 'gpu-box has 1 × NVIDIA H200 and the NVIDIA runtime.',
        cudaVersion: '13.0',
        runtime: { nvidiaRuntime: true, runtimes: expect.arrayContaining(['nvidia', 'runc']) },
      });
      expect(detection.gpus[0]).toMatchObject({
        uuid: 'GPU-a0e5cf6a-bcfb-8bf9-15c9-32afc54f8b19',
        name: 'NVIDIA H200',
        memoryTotalMiB: 143771,
      });
    } finally {
      await helper.stop();
    }
  });

  it('ties a GPU process to its container and compose service through /containers/{id}/top', async () => {
    const trainer = await client.docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sleep', '7777'],
      Labels: { 'com.docker.compose.project': 'lab', 'com.docker.compose.service': 'trainer' },
    });
    await trainer.start();
    const helper = new GpuHelper(client.docker, STAND_IN_IMAGE);
    try {
      const detection = await detectEngineGpus(client.docker, helper, { hostLabel: 'gpu-box' });
      const [usage] = await engineGpuUsage(client.docker, helper, detection.gpus);
      expect(usage).toMatchObject({
        gpuId: detection.gpus[0]!.id,
        services: [{ project: 'lab', service: 'trainer', usedMemoryMiB: 1386, processCount: 1 }],
        otherMemoryMiB: 0,
      });
      expect(usage!.processes[0]).toMatchObject({ processName: 'python3', containerId: trainer.id });
    } finally {
      await helper.stop();
      await trainer.remove({ force: true });
    }
  });

  it('streams live readings from one long-lived helper, and removes it when no view holds it', async () => {
    const lease = new GpuHelperLease(client.docker, STAND_IN_IMAGE, 0);
    const helper = await lease.acquire();
    const samples: GpuMetrics[][] = [];
    const stream = engineGpuMetricsSampler(helper).stream!(1, {
      onSample: (metrics) => samples.push(metrics),
      onEnd: () => undefined,
    });
    for (let waited = 0; samples.length < 2 && waited < 15_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    stream.stop();
    expect(samples.length).toBeGreaterThanOrEqual(2);
    expect(samples[0]![0]).toMatchObject({ utilizationPercent: 99, memoryUsedMiB: 1395, powerDrawW: 691.13 });
    lease.release();
    for (let waited = 0; waited < 10_000; waited += 200) {
      const left = await client.docker.listContainers({ all: true, filters: { label: [GPU_HELPER_LABEL] } });
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await client.docker.listContainers({ all: true, filters: { label: [GPU_HELPER_LABEL] } })).toEqual([]);
  });

  it('picks a local glibc image for the helper, or asks to pull one', async () => {
    expect(await chooseGpuHelperImage(client.docker, {})).toEqual({ kind: 'local', image: GLIBC_IMAGE });
    const bare = createEngineClient({ transport: 'unix', socketPath: gpuEngine.dockerd.socketPath });
    await bare.docker.getImage(GLIBC_IMAGE).remove();
    try {
      expect(await chooseGpuHelperImage(bare.docker, {})).toEqual({
        kind: 'needs-pull',
        image: 'debian:bookworm-slim',
      });
    } finally {
      bare.close();
    }
  });

  it('says the engine has no NVIDIA runtime when a GPU request cannot even select a driver', async () => {
    const local = createEngineClient({ transport: 'unix', socketPath: '/var/run/docker.sock' });
    const helper = new GpuHelper(local.docker, TEST_IMAGE);
    try {
      const detection = await detectEngineGpus(local.docker, helper, { hostLabel: 'this machine' });
      expect(detection).toMatchObject({
        state: 'no-runtime',
        verdict:
          'The engine on this machine answers but has no NVIDIA runtime (NVIDIA Container Toolkit), so containers get no GPU.',
        gpus: [],
      });
      expect(detection.detail).toContain('could not select device driver');
      expect(await local.docker.listContainers({ all: true, filters: { label: [GPU_HELPER_LABEL] } })).toEqual([]);
    } finally {
      local.close();
    }
  });
});
