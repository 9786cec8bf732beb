import type { GpuRequest } from '@shared/schemas/gpu';

/** `GPU ×2`, `all GPUs`, `GPU 0,1` — what a service asks for, in a badge's few characters. */
export function gpuRequestLabel(request: Pick<GpuRequest, 'count' | 'deviceIds'>): string {
  if (request.deviceIds.length > 0) return `GPU ${request.deviceIds.join(',')}`;
  if (request.count === 'all') return 'all GPUs';
  return `GPU ×${request.count ?? 1}`;
}

export function requestsOf(requests: GpuRequest[], project: string, service: string): GpuRequest[] {
  return requests.filter((request) => request.project === project && request.service === service);
}
