import { describe, expect, it } from 'vitest';
import { gpuRequestLabel, requestsOf } from '../../../src/renderer/src/features/gpus/gpu-requests-label';
import { sparklinePoints } from '../../../src/renderer/src/features/gpus/sparkline-path';
import type { GpuRequest } from '@shared/schemas/gpu';

describe('sparklinePoints', () => {
  it('spreads samples over the width and scales them to the height, newest on the right', () => {
    expect(sparklinePoints([0, 50, 100], 100, 100, 20)).toBe('0.0,20.0 50.0,10.0 100.0,0.0');
  });

  it('clamps out-of-range readings and leaves out missing ones', () => {
    expect(sparklinePoints([-5, null, 250], 100, 10, 10)).toBe('0.0,10.0 10.0,0.0');
  });

  it('draws nothing with fewer than two samples or no scale', () => {
    expect(sparklinePoints([42], 100, 10, 10)).toBe('');
    expect(sparklinePoints([1, 2], 0, 10, 10)).toBe('');
  });
});

describe('GPU request badges', () => {
  const request = (over: Partial<GpuRequest>): GpuRequest => ({
    project: 'llm',
    service: 'vllm',
    count: null,
    deviceIds: [],
    driver: 'nvidia',
    capabilities: ['gpu'],
    running: true,
    ...over,
  });

  it('says what a service asks for', () => {
    expect(gpuRequestLabel(request({ count: 2 }))).toBe('GPU ×2');
    expect(gpuRequestLabel(request({ count: 'all' }))).toBe('all GPUs');
    expect(gpuRequestLabel(request({ deviceIds: ['0', '1'] }))).toBe('GPU 0,1');
  });

  it("finds a service's requests by project and service", () => {
    const requests = [request({ count: 1 }), request({ service: 'gateway', count: 1 })];
    expect(requestsOf(requests, 'llm', 'vllm')).toHaveLength(1);
    expect(requestsOf(requests, 'other', 'vllm')).toHaveLength(0);
  });
});
