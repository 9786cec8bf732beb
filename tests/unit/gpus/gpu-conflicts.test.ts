import { describe, expect, it } from 'vitest';
import type { GpuRequest } from '@shared/schemas/gpu';
import { findGpuConflicts, resolveRequestedGpus } from '../../../src/main/services/gpus/gpu-conflicts';
import { nvidiaGpu } from '../../support/gpu/gpu-test-data';

const gpus = [
  nvidiaGpu(0, {
    migEnabled: true,
    migDevices: [
      {
        index: 0,
        uuid: 'MIG-aaaa',
        profile: '3g.40gb',
        gpuInstanceId: 1,
        computeInstanceId: 0,
        memoryTotalMiB: 40000,
        memoryUsedMiB: 0,
      },
    ],
  }),
  nvidiaGpu(1),
];

function request(project: string, service: string, fields: Partial<GpuRequest>): GpuRequest {
  return {
    project,
    service,
    count: null,
    deviceIds: [],
    driver: 'nvidia',
    capabilities: ['gpu'],
    running: true,
    ...fields,
  };
}

describe('resolveRequestedGpus', () => {
  it('maps indexes, GPU UUIDs, MIG UUIDs and gpu:mig pairs to GPUs', () => {
    const resolved = resolveRequestedGpus(
      request('a', 's', { deviceIds: ['1', gpus[0]!.uuid!, 'MIG-aaaa', '0:0', '7'] }),
      gpus,
    );
    expect(resolved).toEqual({ gpuIds: [gpus[1]!.id, gpus[0]!.id], unknownIds: ['7'] });
  });

  it('gives count: N the first N GPUs and all to all', () => {
    expect(resolveRequestedGpus(request('a', 's', { count: 1 }), gpus).gpuIds).toEqual([gpus[0]!.id]);
    expect(resolveRequestedGpus(request('a', 's', { count: 'all' }), gpus).gpuIds).toHaveLength(2);
  });
});

describe('findGpuConflicts', () => {
  it('flags two running stacks pinned to one GPU', () => {
    const conflicts = findGpuConflicts(
      [request('train', 'trainer', { deviceIds: ['0'] }), request('serve', 'vllm', { deviceIds: [gpus[0]!.uuid!] })],
      gpus,
    );
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: 'shared-pin',
        gpuId: gpus[0]!.id,
        services: [
          { project: 'train', service: 'trainer' },
          { project: 'serve', service: 'vllm' },
        ],
      }),
    ]);
    expect(conflicts[0]!.message).toMatch(/GPU 0 \(NVIDIA H100 80GB HBM3\) is given to 2 running stacks/);
  });

  it('does not flag services of one stack, stopped stacks, or stacks on different GPUs', () => {
    expect(
      findGpuConflicts(
        [
          request('train', 'a', { deviceIds: ['0'] }),
          request('train', 'b', { deviceIds: ['0'] }),
          request('serve', 'vllm', { deviceIds: ['1'] }),
          request('old', 'x', { deviceIds: ['0'], running: false }),
        ],
        gpus,
      ),
    ).toEqual([]);
  });

  it('flags over-subscription and devices the machine does not have', () => {
    const conflicts = findGpuConflicts(
      [request('a', 'x', { count: 'all' }), request('b', 'y', { count: 1 }), request('c', 'z', { deviceIds: ['3'] })],
      gpus,
    );
    expect(conflicts.map((conflict) => conflict.kind).sort()).toEqual([
      'over-subscribed',
      'shared-pin',
      'unknown-device',
    ]);
    const over = conflicts.find((conflict) => conflict.kind === 'over-subscribed');
    expect(over).toMatchObject({ requested: 3, available: 2 });
  });
});
