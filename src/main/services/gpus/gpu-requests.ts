import type { ComposeServiceRef, GpuRequest } from '@shared/schemas/gpu';

/** The engine's `HostConfig.DeviceRequests` entry (Engine API DeviceRequest). */
export interface EngineDeviceRequest {
  Driver?: string;
  /** -1 means all GPUs. */
  Count?: number;
  DeviceIDs?: string[] | null;
  Capabilities?: string[][] | null;
}

function isGpuRequest(driver: string | undefined | null, capabilities: string[]): boolean {
  return capabilities.includes('gpu') || /nvidia|amd/i.test(driver ?? '');
}

/** GPU requests of a created container, as the engine recorded them (what `--gpus` and compose turn into). */
export function requestsFromDeviceRequests(
  ref: ComposeServiceRef,
  deviceRequests: EngineDeviceRequest[] | null | undefined,
  running: boolean,
): GpuRequest[] {
  return (deviceRequests ?? []).flatMap((request) => {
    const capabilities = (request.Capabilities ?? []).flat();
    if (!isGpuRequest(request.Driver, capabilities)) return [];
    const deviceIds = request.DeviceIDs ?? [];
    const count = request.Count === -1 ? 'all' : request.Count && request.Count > 0 ? request.Count : null;
    return [
      {
        ...ref,
        count: deviceIds.length ? null : count,
        deviceIds,
        driver: request.Driver || null,
        capabilities,
        running,
      },
    ];
  });
}

type Loose = Record<string, unknown>;

function asObject(value: unknown): Loose | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function composeCount(value: unknown): GpuRequest['count'] {
  if (value === 'all' || value === -1) return 'all';
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null;
}

/**
 * GPU requests of a compose service (an entry of the resolved model's `services`): `deploy.resources.reservations
 * .devices` entries with the `gpu` capability, and the newer `gpus:` attribute (`all` or a list of requests).
 */
export function requestsFromComposeService(ref: ComposeServiceRef, service: unknown, running: boolean): GpuRequest[] {
  const config = asObject(service) ?? {};
  const reservations = asObject(asObject(asObject(config.deploy)?.resources)?.reservations);
  const entries: Array<{ entry: Loose; impliedGpu: boolean }> = [];
  for (const device of Array.isArray(reservations?.devices) ? reservations.devices : []) {
    const entry = asObject(device);
    if (entry) entries.push({ entry, impliedGpu: false });
  }
  if (config.gpus === 'all') entries.push({ entry: { count: 'all' }, impliedGpu: true });
  for (const gpu of Array.isArray(config.gpus) ? config.gpus : []) {
    const entry = asObject(gpu);
    if (entry) entries.push({ entry, impliedGpu: true });
  }
  return entries.flatMap(({ entry, impliedGpu }) => {
    const capabilities = strings(entry.capabilities);
    const driver = typeof entry.driver === 'string' ? entry.driver : null;
    if (!impliedGpu && !isGpuRequest(driver, capabilities)) return [];
    const deviceIds = strings(entry.device_ids);
    // Compose's rule: no count and no device_ids means all GPUs.
    const count = deviceIds.length ? null : entry.count === undefined ? 'all' : composeCount(entry.count);
    return [
      {
        ...ref,
        count,
        deviceIds,
        driver,
        capabilities: impliedGpu && !capabilities.length ? ['gpu'] : capabilities,
        running,
      },
    ];
  });
}
