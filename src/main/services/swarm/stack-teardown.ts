/**
 * Removing a stack as `docker stack rm` does (services, then secrets, configs and networks labelled with its
 * namespace), but waiting for the services' tasks to be gone before the networks go, so nothing stays behind.
 */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { StackProgress } from './stack-events';
import { stackFilter } from './stack-labels';
import { swarmApi } from './swarm-client';
import { waitForSwarm } from './swarm-waits';

const TASKS_GONE_TIMEOUT_MS = 120_000;
const NETWORK_REMOVE_ATTEMPTS = 10;

/** Removes the services and resolves once the engine has no task of theirs left. */
export async function removeServicesAndWait(docker: Docker, ids: string[], signal?: AbortSignal): Promise<void> {
  for (const id of ids) {
    await swarmApi.removeService(docker, id).catch((error: unknown) => {
      if (!(error instanceof BerthError && error.code === 'E_NOT_FOUND')) throw error;
    });
  }
  const removed = new Set(ids);
  await waitForSwarm(
    docker,
    async () => {
      const tasks = await swarmApi.listTasks(docker);
      return tasks.some((task) => removed.has(task.ServiceID)) ? undefined : true;
    },
    { timeoutMs: TASKS_GONE_TIMEOUT_MS, signal, what: "the removed services' tasks to stop" },
  );
}

export interface RemoveStackResult {
  services: number;
  networks: number;
  secrets: number;
  configs: number;
}

export async function removeStack(
  docker: Docker,
  stack: string,
  options: { onProgress?: StackProgress; signal?: AbortSignal; wait?: boolean } = {},
): Promise<RemoveStackResult> {
  const filters = stackFilter(stack);
  const [services, networks, secrets, configs] = await Promise.all([
    swarmApi.listServices(docker, filters),
    swarmApi.listNetworks(docker, filters),
    swarmApi.listFileObjects(docker, 'secrets', filters),
    swarmApi.listFileObjects(docker, 'configs', filters),
  ]);
  if (!services.length && !networks.length && !secrets.length && !configs.length) {
    throw new BerthError('E_NOT_FOUND', `Nothing found in stack: ${stack}`, {
      fix: 'List the stacks with `berth stack ls`.',
    });
  }
  const progress = options.onProgress ?? (() => {});
  const done = (object: 'service' | 'network' | 'secret' | 'config', name: string) =>
    progress({ type: 'step', object, name, action: 'remove', state: 'done' });

  const ids = services.map((service) => service.ID);
  if (options.wait === false)
    for (const service of services) await swarmApi.removeService(docker, service.ID, service.Spec.Name);
  else await removeServicesAndWait(docker, ids, options.signal);
  for (const service of services) done('service', service.Spec.Name);
  for (const secret of secrets) {
    await swarmApi.removeFileObject(docker, 'secrets', secret.ID, secret.Spec.Name);
    done('secret', secret.Spec.Name);
  }
  for (const config of configs) {
    await swarmApi.removeFileObject(docker, 'configs', config.ID, config.Spec.Name);
    done('config', config.Spec.Name);
  }
  for (const network of networks) {
    await removeNetworkWhenFree(docker, network.Id, network.Name, options.signal);
    done('network', network.Name);
  }
  return { services: services.length, networks: networks.length, secrets: secrets.length, configs: configs.length };
}

/** A task's endpoint can outlive the task by a moment on the node; retry "has active endpoints" briefly. */
async function removeNetworkWhenFree(docker: Docker, id: string, name: string, signal?: AbortSignal): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await swarmApi.removeNetwork(docker, id, name);
    } catch (error) {
      if (error instanceof BerthError && error.code === 'E_NOT_FOUND') return;
      if (attempt >= NETWORK_REMOVE_ATTEMPTS || !/active endpoints/i.test((error as Error).message)) throw error;
      signal?.throwIfAborted();
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
