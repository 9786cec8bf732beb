/**
 * The cluster as the app's cluster view and `berth stack ls|ps|services` show it: nodes, stacks, services with
 * desired/running tasks and update state, tasks with node, state and error. Plain data, no engine types.
 */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import { STACK_NAMESPACE_LABEL, stackFilter } from './stack-labels';
import { swarmApi, type Filters } from './swarm-client';
import { countResources } from './swarm-inventory';
import type { PortConfig, SwarmNode, SwarmService, SwarmTask } from './swarm-spec';

export interface ClusterNode {
  id: string;
  hostname: string;
  role: string;
  leader: boolean;
  availability: string;
  state: string;
  /** Why the node is down, when the engine says. */
  message?: string;
  address?: string;
  engineVersion?: string;
  os?: string;
  architecture?: string;
  cpus?: number;
  memoryBytes?: number;
  /** Generic resources, e.g. `{ kind: 'NVIDIA-GPU', count: 2 }`. */
  genericResources: { kind: string; count: number }[];
  labels: Record<string, string>;
  /** The node of the engine Berth is connected to. */
  self: boolean;
}

export interface StackSummary {
  name: string;
  services: number;
}

export interface StackService {
  id: string;
  /** `<stack>_<service>`. */
  name: string;
  stack: string | null;
  mode: 'replicated' | 'global' | 'replicated-job' | 'global-job';
  /** Tasks wanted and running (the engine's service status). */
  desired: number;
  running: number;
  image: string;
  ports: string[];
  /** `updating`, `paused`, `completed`, `rollback_started`… when an update ran. */
  updateState?: string;
  updateMessage?: string;
  /** True when a previous spec exists to roll back to. */
  canRollback: boolean;
}

export interface StackTask {
  id: string;
  /** `<service>.<slot>` (or `<service>.<node id>` for a global service), as `docker stack ps` names tasks. */
  name: string;
  serviceId: string;
  serviceName: string;
  slot?: number;
  nodeId?: string;
  node?: string;
  desiredState: string;
  state: string;
  /** When the task entered its state. */
  since?: string;
  /** The engine's error for a failed or pending task ("no suitable node (insufficient resources on 2 nodes)"). */
  error?: string;
  message?: string;
  containerId?: string;
  exitCode?: number;
  image: string;
  ports: string[];
  /** Its container runs on the engine Berth is connected to (exec and container logs work there). */
  onThisEngine: boolean;
}

export async function listClusterNodes(docker: Docker): Promise<ClusterNode[]> {
  const [nodes, info] = await Promise.all([swarmApi.listNodes(docker), swarmApi.info(docker)]);
  return nodes
    .map((node) => toClusterNode(node, info.Swarm?.NodeID))
    .sort((a, b) => a.hostname.localeCompare(b.hostname));
}

function toClusterNode(node: SwarmNode, selfId: string | undefined): ClusterNode {
  const resources = node.Description.Resources;
  return {
    id: node.ID,
    hostname: node.Description.Hostname,
    role: node.Spec.Role,
    leader: node.ManagerStatus?.Leader ?? false,
    availability: node.Spec.Availability,
    state: node.Status.State,
    message: node.Status.Message || undefined,
    address: node.Status.Addr || undefined,
    engineVersion: node.Description.Engine?.EngineVersion,
    os: node.Description.Platform?.OS,
    architecture: node.Description.Platform?.Architecture,
    cpus: resources?.NanoCPUs ? resources.NanoCPUs / 1e9 : undefined,
    memoryBytes: resources?.MemoryBytes,
    genericResources: [...countResources(resources?.GenericResources ?? [])].map(([kind, count]) => ({ kind, count })),
    labels: node.Spec.Labels ?? {},
    self: node.ID === selfId,
  };
}

export async function listStacks(docker: Docker): Promise<StackSummary[]> {
  const services = await swarmApi.listServices(docker, { label: [STACK_NAMESPACE_LABEL] });
  const counts = new Map<string, number>();
  for (const service of services) {
    const stack = service.Spec.Labels[STACK_NAMESPACE_LABEL]!;
    counts.set(stack, (counts.get(stack) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, services: count })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The services of one stack, or every service of the swarm. */
export async function listStackServices(docker: Docker, stack?: string): Promise<StackService[]> {
  const services = await swarmApi.listServices(docker, stack ? stackFilter(stack) : undefined, true);
  if (stack && !services.length) throw noSuchStack(stack);
  return services.map(toStackService).sort((a, b) => a.name.localeCompare(b.name));
}

function toStackService(service: SwarmService): StackService {
  const mode = service.Spec.Mode;
  return {
    id: service.ID,
    name: service.Spec.Name,
    stack: service.Spec.Labels[STACK_NAMESPACE_LABEL] ?? null,
    mode: mode.Global ? 'global' : mode.ReplicatedJob ? 'replicated-job' : mode.GlobalJob ? 'global-job' : 'replicated',
    desired: service.ServiceStatus?.DesiredTasks ?? mode.Replicated?.Replicas ?? 0,
    running: service.ServiceStatus?.RunningTasks ?? 0,
    image: service.Spec.TaskTemplate.ContainerSpec.Image,
    ports: formatPorts(service.Endpoint?.Ports ?? service.Spec.EndpointSpec?.Ports),
    updateState: service.UpdateStatus?.State,
    updateMessage: service.UpdateStatus?.Message,
    canRollback: service.PreviousSpec !== undefined,
  };
}

export interface TaskQuery {
  stack?: string;
  /** A service name or id. */
  service?: string;
  /** Only tasks meant to run (`docker stack ps --filter desired-state=running`). */
  runningOnly?: boolean;
}

/** Tasks, newest first within each slot, as `docker stack ps` lists them. */
export async function listStackTasks(docker: Docker, query: TaskQuery): Promise<StackTask[]> {
  const filters: Filters = {};
  if (query.stack) Object.assign(filters, stackFilter(query.stack));
  if (query.service) filters.service = [query.service];
  if (query.runningOnly) filters['desired-state'] = ['running'];
  const [tasks, services, nodes, info] = await Promise.all([
    swarmApi.listTasks(docker, filters),
    swarmApi.listServices(docker, query.stack ? stackFilter(query.stack) : undefined),
    swarmApi.listNodes(docker),
    swarmApi.info(docker),
  ]);
  if (query.stack && !services.length && !tasks.length) throw noSuchStack(query.stack);
  const serviceNames = new Map(services.map((service) => [service.ID, service.Spec.Name]));
  const hostnames = new Map(nodes.map((node) => [node.ID, node.Description.Hostname]));
  const selfId = info.Swarm?.NodeID;
  return tasks
    .map((task) => toStackTask(task, serviceNames.get(task.ServiceID) ?? task.ServiceID, hostnames, selfId))
    .sort(byServiceSlotNewest);
}

function toStackTask(
  task: SwarmTask,
  serviceName: string,
  hostnames: Map<string, string>,
  selfId: string | undefined,
): StackTask {
  const status = task.Status;
  return {
    id: task.ID,
    name: `${serviceName}.${task.Slot ?? task.NodeID ?? ''}`,
    serviceId: task.ServiceID,
    serviceName,
    slot: task.Slot,
    nodeId: task.NodeID,
    node: task.NodeID ? (hostnames.get(task.NodeID) ?? task.NodeID) : undefined,
    desiredState: task.DesiredState,
    state: status.State,
    since: status.Timestamp,
    error: status.Err || undefined,
    message: status.Message || undefined,
    containerId: status.ContainerStatus?.ContainerID || undefined,
    exitCode: status.ContainerStatus?.ExitCode,
    image: task.Spec.ContainerSpec.Image,
    ports: formatPorts(status.PortStatus?.Ports),
    onThisEngine: task.NodeID !== undefined && task.NodeID === selfId,
  };
}

function byServiceSlotNewest(a: StackTask, b: StackTask): number {
  return (
    a.serviceName.localeCompare(b.serviceName) ||
    (a.slot ?? 0) - (b.slot ?? 0) ||
    (a.nodeId ?? '').localeCompare(b.nodeId ?? '') ||
    (b.since ?? '').localeCompare(a.since ?? '')
  );
}

/** `*:8080->80/tcp`, as the docker CLI prints published ports. */
export function formatPorts(ports: PortConfig[] | undefined): string[] {
  return (ports ?? [])
    .filter((port) => port.PublishedPort)
    .map(
      (port) =>
        `*:${port.PublishedPort}->${port.TargetPort}/${port.Protocol ?? 'tcp'}${port.PublishMode === 'host' ? ' (host)' : ''}`,
    );
}

export function noSuchStack(stack: string): BerthError {
  return new BerthError('E_NOT_FOUND', `Nothing found in stack: ${stack}`, {
    fix: 'List the stacks with `berth stack ls`.',
  });
}
