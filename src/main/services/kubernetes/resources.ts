/** `deploy.resources` and GPU requests as container resources: cpu, memory, `nvidia.com/gpu` / `amd.com/gpu`. */
import { bytes } from '../compose/engine/spec/units';
import type { ComposeService, DeviceRequestConfig } from '../compose/model/service';
import { gpuRequests } from '../swarm/convert/gpu-resources';
import type { ExportContext } from './export-context';

export interface ContainerResources {
  limits?: Record<string, string | number>;
  requests?: Record<string, string | number>;
}

export function resourcesFrom(
  context: ExportContext,
  name: string,
  service: ComposeService,
): ContainerResources | undefined {
  const { limits, reservations } = service.deploy?.resources ?? {};
  const limitsOut: Record<string, string | number> = {};
  const requestsOut: Record<string, string | number> = {};
  if (limits?.cpus) limitsOut.cpu = String(limits.cpus);
  if (limits?.memory) limitsOut.memory = String(bytes(limits.memory));
  if (reservations?.cpus) requestsOut.cpu = String(reservations.cpus);
  if (reservations?.memory) requestsOut.memory = String(bytes(reservations.memory));
  if (limits?.pids)
    context.note(
      name,
      'deploy.resources.limits.pids',
      'unmapped',
      'Kubernetes sets pid limits per node, not per container',
    );
  for (const resource of reservations?.generic_resources ?? []) {
    const spec = resource.discrete_resource_spec;
    if (spec)
      context.note(
        name,
        'deploy.resources.reservations.generic_resources',
        'unmapped',
        `${spec.kind}=${spec.value}: Swarm generic resources have no Kubernetes equivalent; use an extended resource`,
      );
  }
  for (const { property, request } of gpuRequests(service)) {
    const resourceName = request.driver === 'amd' ? 'amd.com/gpu' : 'nvidia.com/gpu';
    limitsOut[resourceName] = gpuCount(context, name, property, request);
  }
  for (const [property, value] of [
    ['cpus', service.cpus],
    ['mem_limit', service.mem_limit],
    ['mem_reservation', service.mem_reservation],
  ] as const) {
    if (value === undefined) continue;
    if (property === 'cpus' && limitsOut.cpu === undefined) limitsOut.cpu = String(value);
    else if (property === 'mem_limit' && limitsOut.memory === undefined) limitsOut.memory = String(bytes(value));
    else if (property === 'mem_reservation' && requestsOut.memory === undefined)
      requestsOut.memory = String(bytes(value));
  }
  if (!Object.keys(limitsOut).length && !Object.keys(requestsOut).length) return undefined;
  return {
    ...(Object.keys(limitsOut).length ? { limits: limitsOut } : {}),
    ...(Object.keys(requestsOut).length ? { requests: requestsOut } : {}),
  };
}

/** Kubernetes takes a number of GPUs: `all` becomes 1 (said), device ids become their count (said). */
function gpuCount(context: ExportContext, name: string, property: string, request: DeviceRequestConfig): number {
  if (request.device_ids?.length) {
    context.note(
      name,
      property,
      'converted',
      `device_ids ${request.device_ids.join(', ')} → ${request.device_ids.length} GPU(s); the scheduler picks which`,
    );
    return request.device_ids.length;
  }
  if (request.count === undefined || request.count < 0) {
    context.note(
      name,
      property,
      'converted',
      'count: all → 1 GPU (Kubernetes needs a number; raise it to the GPUs of your nodes)',
    );
    return 1;
  }
  return request.count;
}
