import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerodeGpuAccess } from '../../../src/main/services/gpus/docker-access';
import { buildGpuOverview } from '../../../src/main/services/gpus/gpu-overview';
import { parseComputeApps } from '../../../src/main/services/gpus/nvidia/compute-apps';
import { containerIdForPid } from '../../../src/main/services/gpus/pid-to-container';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { inventoryOf, nvidiaGpu } from '../../support/gpu/gpu-test-data';

const engine = await requireEngine();
const suffix = randomBytes(4).toString('hex');
const PROJECT = `berth-gpu-${suffix}`;
const GPU_UUID = 'GPU-00000000-0000-0000-0000-000000000000';

function composeLabels(service: string): Record<string, string> {
  return { 'com.docker.compose.project': PROJECT, 'com.docker.compose.service': service };
}

/** A `--query-compute-apps` capture in the fixtures' exact format (header with units, `, ` separators). */
function computeAppsCapture(pid: number): string {
  return [
    'timestamp, gpu_name, gpu_bus_id, gpu_serial, gpu_uuid, pid, process_name, used_gpu_memory [MiB]',
    `2026/07/14 09:00:44.742, NVIDIA H100 80GB HBM3, 00000000:00:09.0, 0000000000000, ${GPU_UUID}, ${pid}, /usr/bin/python3, 7484 MiB`,
    `2026/07/14 09:00:44.742, NVIDIA H100 80GB HBM3, 00000000:00:09.0, 0000000000000, ${GPU_UUID}, 1, /sbin/init, 12 MiB`,
    '',
  ].join('\n');
}

describe.skipIf(!engine.available)('GPU usage against the real engine', () => {
  const docker: Docker = engine.docker;
  const created: Docker.Container[] = [];
  let trainer: Docker.Container;
  let trainerPid = 0;

  beforeAll(async () => {
    trainer = await docker.createContainer({
      Image: TEST_IMAGE,
      name: `${PROJECT}-trainer-1`,
      Cmd: ['sleep', '300'],
      Labels: composeLabels('trainer'),
      HostConfig: { NetworkMode: 'none' },
    });
    created.push(trainer);
    await trainer.start();
    trainerPid = (await trainer.inspect()).State.Pid;

    // Created, never started: the engine records GPU requests at create time and only needs a driver to start.
    created.push(
      await docker.createContainer({
        Image: TEST_IMAGE,
        name: `${PROJECT}-server-1`,
        Cmd: ['true'],
        Labels: composeLabels('server'),
        HostConfig: {
          NetworkMode: 'none',
          DeviceRequests: [{ Driver: 'nvidia', Count: 0, DeviceIDs: ['0'], Capabilities: [['gpu']] }],
        },
      }),
    );
  });

  afterAll(async () => {
    for (const container of created) await container.remove({ force: true }).catch(() => undefined);
  });

  it('maps a real container process to its container id through /proc/PID/cgroup', async () => {
    expect(trainerPid).toBeGreaterThan(0);
    expect(await containerIdForPid(trainerPid)).toBe(trainer.id);
    expect(await containerIdForPid(process.pid)).toBeNull();
  });

  it('attributes the GPU process to its compose service and reads the GPU requests the engine recorded', async () => {
    const processes = parseComputeApps(computeAppsCapture(trainerPid));
    const overview = await buildGpuOverview({
      inventory: inventoryOf([nvidiaGpu(0, { id: GPU_UUID, uuid: GPU_UUID })]),
      docker: dockerodeGpuAccess(docker),
      engineIsLocal: true,
      hostPlatform: 'linux',
      nvidiaToolkitOnHost: false,
      processes,
      containerIdForPid: (pid) => containerIdForPid(pid),
    });

    const [usage] = overview.usage;
    expect(usage!.services).toEqual([{ project: PROJECT, service: 'trainer', usedMemoryMiB: 7484, processCount: 1 }]);
    expect(usage!.otherMemoryMiB).toBe(12);
    expect(usage!.processes[0]).toMatchObject({
      pid: trainerPid,
      containerId: trainer.id,
      containerName: `${PROJECT}-trainer-1`,
      compose: { project: PROJECT, service: 'trainer' },
    });

    const ours = overview.requests.filter((request) => request.project === PROJECT);
    expect(ours).toEqual([
      {
        project: PROJECT,
        service: 'server',
        count: null,
        deviceIds: ['0'],
        driver: 'nvidia',
        capabilities: ['gpu'],
        running: false,
      },
    ]);
    // Stopped stacks never conflict.
    expect(overview.conflicts.filter((conflict) => conflict.services.some((s) => s.project === PROJECT))).toEqual([]);
  });

  it('does not map PIDs to containers of a remote engine', async () => {
    const overview = await buildGpuOverview({
      inventory: inventoryOf([nvidiaGpu(0, { id: GPU_UUID, uuid: GPU_UUID })]),
      docker: dockerodeGpuAccess(docker),
      engineIsLocal: false,
      hostPlatform: 'linux',
      nvidiaToolkitOnHost: null,
      processes: parseComputeApps(computeAppsCapture(trainerPid)),
      containerIdForPid: (pid) => containerIdForPid(pid),
    });
    expect(overview.usage[0]!.services).toEqual([]);
    expect(overview.capability!.because).toMatch(/not the engine’s/);
  });
});
