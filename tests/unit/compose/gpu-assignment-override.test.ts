import { describe, expect, it } from 'vitest';
import { gpuAssignmentOverride } from '../../../src/main/services/compose/berth-overrides/gpu-assignment-override';
import { parseComposeYaml } from '../../../src/main/services/compose/yaml/parse-yaml';

describe('gpuAssignmentOverride', () => {
  it('replaces the user’s device requests (!override) and drops a gpus: request (!reset)', () => {
    const text = gpuAssignmentOverride([
      { service: 'vllm', deviceIds: ['1'] },
      { service: 'trainer', deviceIds: ['GPU-aaaa', 'GPU-bbbb'] },
    ]);
    const [document] = parseComposeYaml(text, 'override.yaml');
    const devices = (deviceIds: string[]) => ({
      gpus: [],
      deploy: {
        resources: { reservations: { devices: [{ driver: 'nvidia', device_ids: deviceIds, capabilities: ['gpu'] }] } },
      },
    });
    expect(document!.data).toEqual({ services: { vllm: devices(['1']), trainer: devices(['GPU-aaaa', 'GPU-bbbb']) } });
    const devicesPath = (service: string) => ['services', service, 'deploy', 'resources', 'reservations', 'devices'];
    expect(document!.overridePaths).toEqual([devicesPath('vllm'), devicesPath('trainer')]);
    expect(document!.resetPaths).toEqual([
      ['services', 'vllm', 'gpus'],
      ['services', 'trainer', 'gpus'],
    ]);
  });
});
