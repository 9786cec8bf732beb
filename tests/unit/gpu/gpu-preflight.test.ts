import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { GpuCapability, GpuRequest } from '../../../src/shared/schemas/gpu';
import { assessGpuCapability } from '../../../src/main/services/gpu/engine-capability';
import { gpuAssignmentOverride } from '../../../src/main/services/gpu/gpu-assignment-override';
import { gpuPreflight } from '../../../src/main/services/gpu/gpu-preflight';
import { inventoryOf, nvidiaGpu } from '../../support/gpu/gpu-test-data';

const gpus = [nvidiaGpu(0)];
const request = (fields: Partial<GpuRequest> = {}): GpuRequest => ({
  project: 'llm',
  service: 'vllm',
  count: 'all',
  deviceIds: [],
  driver: 'nvidia',
  capabilities: ['gpu'],
  running: false,
  ...fields,
});
const capability = (info: object, toolkit: boolean | null, engineIsLocal = true): GpuCapability =>
  assessGpuCapability(info, {
    engineIsLocal,
    hostPlatform: 'linux',
    inventory: inventoryOf(gpus),
    nvidiaToolkitOnHost: toolkit,
  });

describe('gpuPreflight', () => {
  it('passes projects without GPU requests whatever the verdict', () => {
    expect(gpuPreflight([], capability({}, false), gpus)).toEqual({ ok: true, problems: [], warnings: [], fix: null });
  });

  it('blocks GPU services when the verdict is no, with the verdict’s reason and fix', () => {
    const result = gpuPreflight([request()], capability({}, false), gpus);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(
      /^vllm cannot get the GPUs it requests: this machine has an NVIDIA GPU, but the NVIDIA Container Toolkit/,
    );
    expect(result.fix).toMatch(/nvidia-ctk/);
  });

  it('warns without blocking when the verdict is unknown', () => {
    const result = gpuPreflight([request()], capability({}, null), gpus);
    expect(result).toMatchObject({ ok: true, problems: [] });
    expect(result.warnings).toHaveLength(1);
  });

  it('blocks device_ids this machine does not have, for local engines only', () => {
    const yes = capability({ Runtimes: { nvidia: {} } }, null);
    expect(gpuPreflight([request({ count: null, deviceIds: ['3'] })], yes, gpus)).toMatchObject({
      ok: false,
      problems: ['vllm asks for GPU "3", which this machine does not have (it has 1).'],
    });
    const remote = capability({ Runtimes: { nvidia: {} } }, null, false);
    expect(gpuPreflight([request({ count: null, deviceIds: ['3'] })], remote, gpus).ok).toBe(true);
  });
});

describe('gpuAssignmentOverride', () => {
  it('writes device_ids with !override so Compose replaces the user’s device requests', () => {
    const text = gpuAssignmentOverride([
      { service: 'vllm', deviceIds: ['1'] },
      { service: 'trainer', deviceIds: ['GPU-aaaa', 'GPU-bbbb'] },
    ]);
    expect(text).toMatch(/devices: !override\n/);
    const customTags = [{ tag: '!override', collection: 'seq' as const, resolve: (value: unknown) => value }];
    expect(parse(text, { customTags })).toEqual({
      services: {
        vllm: {
          deploy: {
            resources: { reservations: { devices: [{ driver: 'nvidia', device_ids: ['1'], capabilities: ['gpu'] }] } },
          },
        },
        trainer: {
          deploy: {
            resources: {
              reservations: {
                devices: [{ driver: 'nvidia', device_ids: ['GPU-aaaa', 'GPU-bbbb'], capabilities: ['gpu'] }],
              },
            },
          },
        },
      },
    });
  });
});
