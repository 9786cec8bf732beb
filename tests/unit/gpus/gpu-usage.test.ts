import { describe, expect, it } from 'vitest';
import { attributeGpuProcesses, summarizeGpuUsage, type ContainerRef } from '../../../src/main/services/gpus/gpu-usage';
import { nvidiaGpu } from '../../support/gpu/gpu-test-data';

const gpus = [nvidiaGpu(0), nvidiaGpu(1)];
const container = (id: string, project?: string, service?: string): ContainerRef => ({
  id: id.repeat(64),
  name: `/${project ?? 'plain'}-${service ?? 'box'}-1`,
  labels: project && service ? { 'com.docker.compose.project': project, 'com.docker.compose.service': service } : {},
});
const containers = [container('a', 'llm', 'vllm'), container('b', 'llm', 'worker'), container('c')];
const cgroupOf: Record<number, string> = {
  100: 'a'.repeat(64),
  101: 'a'.repeat(64),
  200: 'b'.repeat(64),
  300: 'c'.repeat(64),
};

describe('GPU usage', () => {
  it('ties processes to containers and compose services, and sums memory per service and GPU', async () => {
    const usages = await attributeGpuProcesses(
      [
        { pid: 100, gpuUuid: gpus[0]!.uuid, processName: 'python', usedMemoryMiB: 1000 },
        { pid: 101, gpuUuid: gpus[0]!.uuid, processName: 'python', usedMemoryMiB: 500 },
        { pid: 200, gpuUuid: gpus[1]!.uuid, processName: 'celery', usedMemoryMiB: null },
        { pid: 300, gpuUuid: gpus[1]!.uuid, processName: 'ffmpeg', usedMemoryMiB: 70 },
        { pid: 400, gpuUuid: gpus[1]!.uuid, processName: 'Xorg', usedMemoryMiB: 30 },
      ],
      containers,
      async (pid) => cgroupOf[pid] ?? null,
    );
    expect(usages[0]).toMatchObject({
      containerId: 'a'.repeat(64),
      containerName: 'llm-vllm-1',
      compose: { project: 'llm', service: 'vllm' },
    });
    expect(usages[3]).toMatchObject({ containerName: 'plain-box-1', compose: null });
    expect(usages[4]).toMatchObject({ containerId: null, compose: null });

    const [first, second] = summarizeGpuUsage(gpus, usages);
    expect(first).toMatchObject({
      gpuId: gpus[0]!.id,
      services: [{ project: 'llm', service: 'vllm', usedMemoryMiB: 1500, processCount: 2 }],
      otherMemoryMiB: 0,
    });
    expect(first!.processes).toHaveLength(2);
    expect(second).toMatchObject({
      services: [{ project: 'llm', service: 'worker', usedMemoryMiB: null, processCount: 1 }],
      otherMemoryMiB: 100,
    });
  });
});
