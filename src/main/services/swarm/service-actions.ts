/** What a person does to one service of a stack: scale it, roll it back, remove it, find where its task runs. */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import { removeServicesAndWait } from './stack-teardown';
import { swarmApi } from './swarm-client';
import type { SwarmService } from './swarm-spec';

/** Finds a service by id or name (`<stack>_<service>`). */
export async function findService(docker: Docker, nameOrId: string): Promise<SwarmService> {
  try {
    return await swarmApi.inspectService(docker, nameOrId);
  } catch (error) {
    if (error instanceof BerthError && error.code === 'E_NOT_FOUND') {
      throw new BerthError('E_NOT_FOUND', `No service "${nameOrId}" on this swarm.`, {
        fix: 'Services are named <stack>_<service>; list them with `berth stack services STACK`.',
      });
    }
    throw error;
  }
}

/** Like `docker service scale`: only the replica count changes. */
export async function scaleService(docker: Docker, nameOrId: string, replicas: number): Promise<SwarmService> {
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw new BerthError('E_INVALID_INPUT', `Invalid replica count ${replicas}: give a whole number, 0 or more.`);
  }
  const service = await findService(docker, nameOrId);
  if (!service.Spec.Mode.Replicated) {
    throw new BerthError(
      'E_INVALID_INPUT',
      `Service ${service.Spec.Name} is not replicated; only replicated services can be scaled.`,
      {
        fix: 'A global service runs one task per node; change deploy.mode in the Compose file instead.',
      },
    );
  }
  const spec = structuredClone(service.Spec);
  spec.Mode = { Replicated: { Replicas: replicas } };
  await swarmApi.updateService(docker, service, spec, { what: `Scaling ${service.Spec.Name}` });
  return findService(docker, service.ID);
}

/** Like `docker service rollback`: back to the spec before the last update. */
export async function rollbackService(docker: Docker, nameOrId: string): Promise<SwarmService> {
  const service = await findService(docker, nameOrId);
  if (!service.PreviousSpec) {
    throw new BerthError('E_INVALID_INPUT', `Service ${service.Spec.Name} has no previous version to roll back to.`, {
      fix: 'A rollback needs an earlier deploy or update of the service.',
    });
  }
  await swarmApi.updateService(docker, service, service.Spec, {
    rollback: true,
    what: `Rolling back ${service.Spec.Name}`,
  });
  return findService(docker, service.ID);
}

/** Removes one service and waits until its tasks are gone. */
export async function removeService(docker: Docker, nameOrId: string, signal?: AbortSignal): Promise<void> {
  const service = await findService(docker, nameOrId);
  await removeServicesAndWait(docker, [service.ID], signal);
}

export interface TaskContainer {
  taskId: string;
  containerId: string;
}

/**
 * The container of a running task, for exec and container logs: only on the node of the engine Berth is
 * connected to. Elsewhere the error names the node to connect to.
 */
export async function taskContainer(
  docker: Docker,
  taskRef: { service: string; slot?: number } | { taskId: string },
): Promise<TaskContainer> {
  const [tasks, info, nodes] = await Promise.all([
    'taskId' in taskRef
      ? swarmApi.listTasks(docker, { id: [taskRef.taskId] })
      : swarmApi.listTasks(docker, { service: [taskRef.service], 'desired-state': ['running'] }),
    swarmApi.info(docker),
    swarmApi.listNodes(docker),
  ]);
  const wanted =
    'taskId' in taskRef ? tasks : tasks.filter((task) => taskRef.slot === undefined || task.Slot === taskRef.slot);
  const running = wanted.filter((task) => task.Status.State === 'running');
  const what =
    'taskId' in taskRef
      ? `task ${taskRef.taskId}`
      : `service ${taskRef.service}${taskRef.slot ? ` (slot ${taskRef.slot})` : ''}`;
  if (!running.length) {
    throw new BerthError('E_NOT_FOUND', `No running task of ${what}.`, {
      fix: 'See its tasks and their errors with `berth stack ps`.',
    });
  }
  const local = running.find((task) => task.NodeID === info.Swarm?.NodeID && task.Status.ContainerStatus?.ContainerID);
  if (local) return { taskId: local.ID, containerId: local.Status.ContainerStatus!.ContainerID! };
  const elsewhere = running[0]!;
  const node = nodes.find((candidate) => candidate.ID === elsewhere.NodeID);
  const where = node
    ? `${node.Description.Hostname}${node.Status.Addr ? ` (${node.Status.Addr})` : ''}`
    : (elsewhere.NodeID ?? 'another node');
  throw new BerthError(
    'E_INVALID_INPUT',
    `The task of ${what} runs on node ${where}, not on the engine Berth is connected to.`,
    {
      fix: `Connect Berth to the engine of ${node?.Description.Hostname ?? 'that node'} (a docker context or DOCKER_HOST) to open a shell there.`,
      details: { nodeId: elsewhere.NodeID, hostname: node?.Description.Hostname, taskId: elsewhere.ID },
    },
  );
}
