/**
 * GPUs in Swarm are node generic resources (`node-generic-resources` in daemon.json, e.g. `NVIDIA-GPU=GPU-…`), and
 * a service reserves a number of them. Compose asks for GPUs as device requests (`gpus:`,
 * `deploy.resources.reservations.devices`), which `docker stack deploy` rejects; Berth turns them into reservations
 * of the GPU kind the swarm's nodes offer, and refuses a request no node could ever satisfy.
 */
import { BerthError } from '@shared/errors';
import type { ComposeService, DeviceRequestConfig } from '../../compose/model/service';
import type { StackFinding } from '../stack-findings';
import type { GenericResource } from '../swarm-spec';
import { ordinalCompare } from '@shared/ordinal-compare';

/** Generic resource kinds of the swarm: for each, the most units one node has. */
export type GenericResourceInventory = ReadonlyMap<string, number>;

const GPU_KIND = /gpu/i;

export interface GenericResourcesResult {
  resources: GenericResource[] | undefined;
  findings: StackFinding[];
}

export function convertGenericResources(
  serviceName: string,
  service: ComposeService,
  inventory: GenericResourceInventory,
): GenericResourcesResult {
  const findings: StackFinding[] = [];
  const counts = new Map<string, number>();
  for (const resource of service.deploy?.resources?.reservations?.generic_resources ?? []) {
    const spec = resource.discrete_resource_spec;
    if (!spec) continue;
    if (!inventory.has(spec.kind)) throw missingKind(serviceName, spec.kind, inventory);
    counts.set(spec.kind, (counts.get(spec.kind) ?? 0) + spec.value);
  }
  for (const { property, request } of gpuRequests(service)) {
    const kind = gpuKindFor(request, inventory);
    if (!kind) throw noGpuKind(serviceName, property, inventory);
    const count = requestedCount(request, inventory.get(kind)!);
    findings.push({
      service: serviceName,
      property,
      level: 'converted',
      message: `reserves ${count} ${kind} generic resource${count === 1 ? '' : 's'}${
        request.device_ids?.length ? ' (Swarm picks which; device_ids are not kept)' : ''
      }`,
    });
    if (!counts.has(kind)) counts.set(kind, count);
  }
  const resources = [...counts.entries()]
    .sort(([a], [b]) => ordinalCompare(a, b))
    .map(([Kind, Value]) => ({ DiscreteResourceSpec: { Kind, Value } }));
  return { resources: resources.length ? resources : undefined, findings };
}

interface GpuRequest {
  property: string;
  request: DeviceRequestConfig;
}

/** Device requests that ask for GPUs (by capability or by a GPU vendor's driver). */
export function gpuRequests(service: ComposeService): GpuRequest[] {
  const isGpu = (request: DeviceRequestConfig) =>
    request.capabilities?.includes('gpu') || request.driver === 'nvidia' || request.driver === 'amd';
  return [
    ...(service.gpus ?? []).map((request) => ({ property: 'gpus', request })),
    ...(service.deploy?.resources?.reservations?.devices ?? [])
      .filter(isGpu)
      .map((request) => ({ property: 'deploy.resources.reservations.devices', request })),
  ];
}

function gpuKindFor(request: DeviceRequestConfig, inventory: GenericResourceInventory): string | undefined {
  const kinds = [...inventory.keys()].filter((kind) => GPU_KIND.test(kind)).sort();
  const vendor = request.driver === 'amd' ? /amd/i : /nvidia/i;
  return kinds.find((kind) => vendor.test(kind)) ?? (request.driver === 'amd' ? undefined : kinds[0]);
}

/** `count: all` (-1) or no count at all means every GPU: in Swarm, as many as the largest node has. */
function requestedCount(request: DeviceRequestConfig, mostOnANode: number): number {
  if (request.device_ids?.length) return request.device_ids.length;
  if (request.count === undefined || request.count < 0) return mostOnANode;
  return request.count;
}

function noGpuKind(serviceName: string, property: string, inventory: GenericResourceInventory): BerthError {
  const kinds = [...inventory.keys()];
  return new BerthError(
    'E_GPU_UNAVAILABLE',
    `Service "${serviceName}" requests GPUs (${property}), but no node of this swarm offers GPUs as generic resources${
      kinds.length ? ` (it offers ${kinds.join(', ')})` : ''
    }.`,
    {
      fix: 'Add the GPUs to the GPU nodes\' daemon.json ("node-generic-resources": ["NVIDIA-GPU=<uuid>"]) and restart their engines, or remove the GPU request.',
      details: { service: serviceName, property },
    },
  );
}

function missingKind(serviceName: string, kind: string, inventory: GenericResourceInventory): BerthError {
  const kinds = [...inventory.keys()];
  return new BerthError(
    'E_GPU_UNAVAILABLE',
    `Service "${serviceName}" reserves the generic resource "${kind}", which no node of this swarm offers${
      kinds.length ? ` (they offer ${kinds.join(', ')})` : ''
    }: its tasks could never be scheduled.`,
    {
      fix: `Add "${kind}=…" to a node's "node-generic-resources" in daemon.json, or remove the reservation.`,
      details: { service: serviceName, property: 'deploy.resources.reservations.generic_resources' },
    },
  );
}
