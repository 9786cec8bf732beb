import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gpuAssignmentOverride } from '../../../src/main/services/gpus/gpu-assignment-override';

describe('gpuAssignmentOverride', () => {
  it('writes device_ids with !override so Compose replaces the user’s device requests', () => {
    const text = gpuAssignmentOverride([
      { service: 'vllm', deviceIds: ['1'] },
      { service: 'trainer', deviceIds: ['GPU-aaaa', 'GPU-bbbb'] },
    ]);
    expect(text.match(/devices: !override\n/g)).toHaveLength(2);
    const customTags = [{ tag: '!override', collection: 'seq' as const, resolve: (value: unknown) => value }];
    const devices = (deviceIds: string[]) => ({
      deploy: {
        resources: { reservations: { devices: [{ driver: 'nvidia', device_ids: deviceIds, capabilities: ['gpu'] }] } },
      },
    });
    expect(parse(text, { customTags })).toEqual({
      services: { vllm: devices(['1']), trainer: devices(['GPU-aaaa', 'GPU-bbbb']) },
    });
  });
});
