import { describe, expect, it } from 'vitest';
import type { GpuMetrics, GpuUsage } from '@shared/schemas/gpu';
import type { StatsTarget } from '@shared/schemas/stats';
import { gpuFiguresByService } from '../../../src/main/services/stats/gpu-figures';
import { rollUpStats, serviceKey } from '../../../src/main/services/stats/stats-rollup';
import { containerStats as sample } from './fake-stats';

const target = (id: string, project: string | null, service: string | null): StatsTarget => ({
  id,
  name: id,
  project,
  service,
});

describe('rollUpStats', () => {
  it('sums replicas into a service and services into a project', () => {
    const targets = [target('w1', 'ml', 'worker'), target('w2', 'ml', 'worker'), target('db', 'ml', 'db')];
    const latest = new Map([
      ['w1', sample('w1')],
      ['w2', sample('w2', { cpuPercent: null, cpuMachinePercent: null })],
      ['db', sample('db', { memoryLimited: false, memoryLimitBytes: 8_000 })],
    ]);
    const { services, projects } = rollUpStats(targets, latest);
    const worker = services.find((s) => s.service === 'worker')!;
    expect(worker).toMatchObject({ containers: 2, cpuPercent: 50, memoryBytes: 200, memoryLimitBytes: 2_000, pids: 4 });
    expect(worker.netTxRate).toBeNull();
    expect(services.find((s) => s.service === 'db')!.memoryLimitBytes).toBeNull();
    expect(projects).toEqual([
      expect.objectContaining({
        project: 'ml',
        containers: 3,
        cpuPercent: 100,
        memoryBytes: 300,
        memoryLimitBytes: null,
      }),
    ]);
  });

  it('leaves out containers outside compose and those without a reading', () => {
    const { services } = rollUpStats([target('x', null, null), target('y', 'p', 's')], new Map([['x', sample('x')]]));
    expect(services).toEqual([]);
  });
});

describe('gpuFiguresByService', () => {
  const metrics = (gpuId: string, utilizationPercent: number): GpuMetrics => ({
    gpuId,
    utilizationPercent,
    memoryUsedMiB: null,
    memoryTotalMiB: null,
    temperatureC: null,
    powerDrawW: null,
    powerLimitW: null,
    sampledAt: 0,
  });
  const process = (project: string, service: string, usedMemoryMiB: number) => ({
    pid: 1,
    gpuUuid: 'GPU-0',
    processName: 'python',
    usedMemoryMiB,
    containerId: 'c',
    containerName: 'c',
    compose: { project, service },
  });

  it('gives a service alone on its GPU the GPU utilisation; shared GPUs only the memory', () => {
    const usage: GpuUsage[] = [
      {
        gpuId: 'GPU-0',
        processes: [process('ml', 'trainer', 30_000)],
        services: [{ project: 'ml', service: 'trainer', usedMemoryMiB: 30_000, processCount: 1 }],
        otherMemoryMiB: 0,
      },
      {
        gpuId: 'GPU-1',
        processes: [process('ml', 'vllm', 10_000), process('ml', 'jupyter', 2_000)],
        services: [
          { project: 'ml', service: 'vllm', usedMemoryMiB: 10_000, processCount: 1 },
          { project: 'ml', service: 'jupyter', usedMemoryMiB: 2_000, processCount: 1 },
        ],
        otherMemoryMiB: 0,
      },
    ];
    const figures = gpuFiguresByService(usage, [metrics('GPU-0', 97), metrics('GPU-1', 40)]);
    expect(figures.get(serviceKey('ml', 'trainer'))).toEqual({
      memoryMiB: 30_000,
      utilizationPercent: 97,
      gpuIds: ['GPU-0'],
    });
    expect(figures.get(serviceKey('ml', 'vllm'))).toEqual({
      memoryMiB: 10_000,
      utilizationPercent: null,
      gpuIds: ['GPU-1'],
    });
    const { services } = rollUpStats([target('t', 'ml', 'trainer')], new Map([['t', sample('t')]]), figures);
    expect(services[0]!.gpu).toEqual({ memoryMiB: 30_000, utilizationPercent: 97, gpuIds: ['GPU-0'] });
  });
});
