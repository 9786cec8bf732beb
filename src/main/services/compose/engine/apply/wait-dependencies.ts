/**
 * depends_on conditions, checked on the dependency's containers before a dependent starts. The failure texts are
 * Compose's own, so people searching for them find the same answers.
 */
import { BerthError } from '@shared/errors';
import type { Dependency } from '../plan/dependency-graph';
import type { ApplyContext } from './apply-context';
import { sleep } from './run-steps';

const POLL_MS = 250;

export interface ContainerState {
  Status?: string;
  Running?: boolean;
  ExitCode?: number;
  Health?: { Status?: string };
}

type Verdict = { done: true } | { done: false; waitingHealthy?: boolean } | { failed: string };

/** What one inspection says about a condition. */
export function checkCondition(
  condition: Dependency['condition'],
  service: string,
  containerName: string,
  state: ContainerState,
  hasHealthcheck: boolean,
): Verdict {
  switch (condition) {
    case 'service_started':
      return { done: true };
    case 'service_healthy': {
      if (!hasHealthcheck)
        return { failed: `dependency failed to start: container ${containerName} has no healthcheck configured` };
      const health = state.Health?.Status;
      if (health === 'healthy') return { done: true };
      if (health === 'unhealthy')
        return { failed: `dependency failed to start: container ${containerName} is unhealthy` };
      if (state.Status === 'exited' || state.Status === 'dead') {
        return { failed: `dependency failed to start: container ${containerName} exited (${state.ExitCode ?? -1})` };
      }
      return { done: false, waitingHealthy: true };
    }
    case 'service_completed_successfully':
      if (state.Status === 'exited' || state.Status === 'dead') {
        return state.ExitCode === 0
          ? { done: true }
          : { failed: `service "${service}" didn't complete successfully: exit ${state.ExitCode ?? -1}` };
      }
      return { done: false };
  }
}

export async function waitForDependencies(
  context: ApplyContext,
  dependent: string,
  dependencies: Dependency[],
): Promise<void> {
  await Promise.all(dependencies.map((dependency) => waitForDependency(context, dependent, dependency)));
}

async function waitForDependency(context: ApplyContext, dependent: string, dependency: Dependency): Promise<void> {
  // The plan starts a dependency before its dependents, and nothing more is asked of service_started.
  if (dependency.condition === 'service_started') return;
  const names = context.containersByService.get(dependency.service) ?? [];
  if (names.length === 0 && dependency.required) {
    throw new BerthError(
      'E_ENGINE_ERROR',
      `service "${dependent}" depends on "${dependency.service}", which has no container`,
      {
        fix: `Bring "${dependency.service}" up too (berth up ${dependency.service}).`,
      },
    );
  }
  await Promise.all(names.map((name) => waitForContainer(context, dependency, name)));
}

async function waitForContainer(context: ApplyContext, dependency: Dependency, name: string): Promise<void> {
  let announced = false;
  for (;;) {
    const container = await context.docker.getContainer(context.containerIds.get(name) ?? name).inspect();
    const hasHealthcheck = Boolean(
      container.Config.Healthcheck?.Test?.length && container.Config.Healthcheck.Test[0] !== 'NONE',
    );
    const verdict = checkCondition(
      dependency.condition,
      dependency.service,
      name,
      container.State as ContainerState,
      hasHealthcheck,
    );
    if ('failed' in verdict) {
      if (!dependency.required) {
        context.emit({
          kind: 'warning',
          message: `optional dependency "${dependency.service}" is not ready: ${verdict.failed}`,
        });
        return;
      }
      context.emit({ kind: 'error', service: dependency.service, container: name, message: verdict.failed });
      throw new BerthError('E_ENGINE_ERROR', verdict.failed, { fix: `Check the logs of ${name}: docker logs ${name}` });
    }
    if (verdict.done) {
      if (announced) context.emit({ kind: 'healthy', service: dependency.service, container: name });
      if (dependency.condition === 'service_completed_successfully') {
        context.emit({ kind: 'exited', service: dependency.service, container: name, exitCode: 0 });
      }
      return;
    }
    if (verdict.waitingHealthy && !announced) {
      context.emit({ kind: 'waiting-healthy', service: dependency.service, container: name });
      announced = true;
    }
    await sleep(POLL_MS, context.signal);
  }
}
