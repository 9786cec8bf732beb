/** GPU and other device reservations → `HostConfig.DeviceRequests`, from `deploy.resources.reservations.devices` and `gpus:`. */
import type { DeviceRequestConfig, ComposeService } from '../../model/service';

export interface DeviceRequest {
  Driver: string;
  Count: number;
  DeviceIDs?: string[];
  Capabilities: string[][];
  Options: Record<string, string>;
}

const ALL = -1;

export function deviceRequests(config: ComposeService): DeviceRequest[] {
  const fromDeploy = (config.deploy?.resources?.reservations?.devices ?? []).map((device) => toRequest(device, false));
  return [...fromDeploy, ...(config.gpus ?? []).map((device) => toRequest(device, true))];
}

/** Compose's rule: neither count nor device_ids means every device. `gpus:` entries imply the gpu capability. */
function toRequest(device: DeviceRequestConfig, impliesGpu: boolean): DeviceRequest {
  const deviceIds = device.device_ids?.length ? device.device_ids : undefined;
  const capabilities = device.capabilities?.length ? device.capabilities : impliesGpu ? ['gpu'] : [];
  return {
    Driver: device.driver ?? '',
    Count: count(device.count, deviceIds),
    ...(deviceIds ? { DeviceIDs: deviceIds } : {}),
    Capabilities: capabilities.length ? [capabilities] : [],
    Options: device.options ?? {},
  };
}

function count(value: number | undefined, deviceIds: string[] | undefined): number {
  if (value === undefined) return deviceIds ? 0 : ALL;
  return value;
}

export function requestsGpu(config: ComposeService): boolean {
  return (
    config.gpus !== undefined ||
    deviceRequests(config).some(
      (request) => request.Capabilities.flat().includes('gpu') || /nvidia/i.test(request.Driver),
    ) ||
    /nvidia/i.test(config.runtime ?? '')
  );
}
