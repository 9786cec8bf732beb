import { describe, expect, it } from 'vitest';
import { requestsFromComposeService, requestsFromDeviceRequests } from '../../../src/main/services/gpus/gpu-requests';

const ref = { project: 'llm', service: 'vllm' };

describe('requestsFromComposeService', () => {
  it('reads deploy.resources.reservations.devices with the gpu capability', () => {
    const service = {
      image: 'vllm/vllm-openai',
      deploy: {
        resources: {
          reservations: {
            devices: [
              { driver: 'nvidia', count: 2, capabilities: ['gpu'] },
              { driver: 'nvidia', device_ids: ['0', 'GPU-aaaa'], capabilities: ['gpu', 'utility'] },
              { capabilities: ['tpu'] },
            ],
          },
        },
      },
    };
    expect(requestsFromComposeService(ref, service, true)).toEqual([
      { ...ref, count: 2, deviceIds: [], driver: 'nvidia', capabilities: ['gpu'], running: true },
      {
        ...ref,
        count: null,
        deviceIds: ['0', 'GPU-aaaa'],
        driver: 'nvidia',
        capabilities: ['gpu', 'utility'],
        running: true,
      },
    ]);
  });

  it('treats a request without count or device_ids as all GPUs, and reads count: all', () => {
    const service = {
      deploy: {
        resources: { reservations: { devices: [{ capabilities: ['gpu'] }, { count: 'all', capabilities: ['gpu'] }] } },
      },
    };
    expect(requestsFromComposeService(ref, service, false).map((request) => request.count)).toEqual(['all', 'all']);
  });

  it('reads the gpus: attribute', () => {
    expect(requestsFromComposeService(ref, { gpus: 'all' }, false)).toEqual([
      { ...ref, count: 'all', deviceIds: [], driver: null, capabilities: ['gpu'], running: false },
    ]);
    expect(requestsFromComposeService(ref, { gpus: [{ device_ids: ['1'] }] }, false)[0]).toMatchObject({
      deviceIds: ['1'],
      count: null,
    });
  });

  it('ignores services without GPU requests and malformed entries', () => {
    expect(requestsFromComposeService(ref, { image: 'redis' }, true)).toEqual([]);
    expect(
      requestsFromComposeService(ref, { deploy: { resources: { reservations: { devices: 'gpu' } } } }, true),
    ).toEqual([]);
    expect(requestsFromComposeService(ref, null, true)).toEqual([]);
  });
});

describe('requestsFromDeviceRequests', () => {
  it('reads what the engine recorded for --gpus all, counts and device ids', () => {
    expect(
      requestsFromDeviceRequests(
        ref,
        [
          { Driver: '', Count: -1, DeviceIDs: null, Capabilities: [['gpu']] },
          { Driver: 'nvidia', Count: 0, DeviceIDs: ['1'], Capabilities: [['gpu', 'compute']] },
          { Driver: 'nvidia', Count: 1, Capabilities: [] },
          { Driver: 'other', Count: 1, Capabilities: [['tpu']] },
        ],
        true,
      ),
    ).toEqual([
      { ...ref, count: 'all', deviceIds: [], driver: null, capabilities: ['gpu'], running: true },
      { ...ref, count: null, deviceIds: ['1'], driver: 'nvidia', capabilities: ['gpu', 'compute'], running: true },
      { ...ref, count: 1, deviceIds: [], driver: 'nvidia', capabilities: [], running: true },
    ]);
  });

  it('returns nothing for containers without device requests', () => {
    expect(requestsFromDeviceRequests(ref, null, true)).toEqual([]);
  });
});
