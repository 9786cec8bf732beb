/** Waiting until every service of a deploy runs its desired number of tasks (`docker stack deploy --detach=false`). */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { StackProgress } from './stack-events';
import { swarmApi } from './swarm-client';
import type { SwarmService } from './swarm-spec';
import { waitForSwarm } from './swarm-waits';

const FAILED_UPDATE_STATES = new Set(['paused', 'rollback_paused', 'rollback_completed']);

export async function waitForServicesConverged(
  docker: Docker,
  serviceIds: ReadonlyMap<string, string>,
  options: { timeoutMs: number; onProgress?: StackProgress; signal?: AbortSignal },
): Promise<void> {
  const ids = [...serviceIds.values()];
  if (!ids.length) return;
  let last = '';
  const waiting = waitForSwarm(
    docker,
    async () => {
      const services = await swarmApi.listServices(docker, { id: ids }, true);
      const states = services
        .map((service) => ({
          name: service.Spec.Name,
          running: service.ServiceStatus?.RunningTasks ?? 0,
          desired: desiredTasks(service),
          updateState: service.UpdateStatus?.State,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const summary = JSON.stringify(states);
      if (summary !== last) {
        last = summary;
        options.onProgress?.({ type: 'tasks', services: states });
      }
      const failed = services.find((service) => FAILED_UPDATE_STATES.has(service.UpdateStatus?.State ?? ''));
      if (failed) {
        throw new BerthError(
          'E_ENGINE_ERROR',
          `The update of ${failed.Spec.Name} failed: ${failed.UpdateStatus?.Message ?? failed.UpdateStatus?.State}.`,
          {
            fix: `See why with \`berth stack ps\`; fix the Compose file and deploy again, or roll back with \`berth stack rollback ${failed.Spec.Name}\`.`,
          },
        );
      }
      const converged =
        services.length === ids.length &&
        states.every(
          (state) =>
            state.desired !== null &&
            state.running >= state.desired &&
            state.updateState !== 'updating' &&
            state.updateState !== 'rollback_started',
        );
      return converged ? true : undefined;
    },
    // A container's start event comes before Swarm marks its task running, and that change has no event of its
    // own: re-check often while waiting, as `docker stack deploy --detach=false` polls.
    { timeoutMs: options.timeoutMs, signal: options.signal, what: "the stack's tasks to run", fallbackMs: 200 },
  );
  await waiting.catch(async (error: unknown) => {
    throw await withTaskErrors(docker, ids, error);
  });
  options.onProgress?.({ type: 'converged' });
}

/**
 * Tasks a service should run: the spec's replicas; for a global service the engine's count, which reads 0 until the
 * orchestrator has made the tasks (null then: not known yet); jobs are not waited for.
 */
function desiredTasks(service: SwarmService): number | null {
  const mode = service.Spec.Mode;
  if (mode.Replicated) return mode.Replicated.Replicas ?? 1;
  if (mode.Global) return service.ServiceStatus?.DesiredTasks || null;
  return 0;
}

/** A timeout says why tasks don't run: each waiting service's latest task error. */
async function withTaskErrors(docker: Docker, ids: string[], error: unknown): Promise<unknown> {
  if (!(error instanceof BerthError) || error.code !== 'E_ENGINE_ERROR' || !error.message.startsWith('Timed out'))
    return error;
  const [tasks, services] = await Promise.all([
    swarmApi.listTasks(docker),
    swarmApi.listServices(docker, { id: ids }),
  ]).catch(() => [[], []] as const);
  const names = new Map(services.map((service) => [service.ID, service.Spec.Name]));
  const latest = new Map<string, { time: string; text: string }>();
  for (const task of tasks) {
    const text =
      task.Status.Err || (task.Status.State !== 'running' ? `${task.Status.State}: ${task.Status.Message ?? ''}` : '');
    const name = names.get(task.ServiceID);
    if (!name || !text) continue;
    const time = task.Status.Timestamp ?? '';
    if ((latest.get(name)?.time ?? '') <= time) latest.set(name, { time, text });
  }
  if (!latest.size) return error;
  const reasons = [...latest].map(([name, { text }]) => `  ${name}: ${text}`).join('\n');
  return new BerthError('E_ENGINE_ERROR', `${error.message}\n${reasons}`, { fix: error.fix });
}
