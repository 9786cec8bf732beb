/**
 * Runs a stack plan against the engine: secrets and configs, networks, then services. When a step fails, what
 * this run created is removed again and the services it updated are rolled back, so no half-deployed stack stays.
 */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { RegistryAuthHeader } from './image-resolution';
import type { StackObjectKind, StackProgress } from './stack-events';
import { withFileReferences, type FileObjectStep, type ServiceStep, type StackPlan } from './stack-plan';
import { removeServicesAndWait } from './stack-teardown';
import { STACK_IMAGE_LABEL } from './stack-labels';
import { swarmApi } from './swarm-client';
import type { ServiceSpec, SwarmService } from './swarm-spec';

export interface ApplyOptions {
  onProgress: StackProgress;
  registryAuth?: RegistryAuthHeader;
  signal?: AbortSignal;
}

export interface ApplyResult {
  /** Service names → ids, for every service of the stack (created, updated or unchanged). */
  serviceIds: Map<string, string>;
  changed: number;
}

interface Undo {
  object: StackObjectKind;
  name: string;
  action: 'remove' | 'rollback';
  run(): Promise<void>;
}

export async function applyStackPlan(docker: Docker, plan: StackPlan, options: ApplyOptions): Promise<ApplyResult> {
  const undo: Undo[] = [];
  const serviceIds = new Map<string, string>();
  let changed = 0;
  const step = async <T>(
    object: StackObjectKind,
    name: string,
    action: 'create' | 'update' | 'unchanged' | 'remove' | 'verify',
    run: () => Promise<T>,
    changes?: string[],
  ): Promise<T> => {
    options.signal?.throwIfAborted();
    options.onProgress({ type: 'step', object, name, action, state: 'started', changes });
    try {
      const result = await run();
      if (action !== 'unchanged' && action !== 'verify') changed++;
      options.onProgress({ type: 'step', object, name, action, state: 'done', changes });
      return result;
    } catch (error) {
      options.onProgress({ type: 'step', object, name, action, state: 'failed', message: (error as Error).message });
      throw error;
    }
  };

  try {
    const secretIds = await applyFileObjects(docker, 'secrets', plan.secrets, step, undo);
    const configIds = await applyFileObjects(docker, 'configs', plan.configs, step, undo);
    for (const network of plan.networks) {
      if (network.action === 'unchanged') continue;
      const created = await step('network', network.name, 'create', () => swarmApi.createNetwork(docker, network.spec));
      undo.push({
        object: 'network',
        name: network.name,
        action: 'remove',
        run: () => swarmApi.removeNetwork(docker, created.Id, network.name),
      });
    }
    const ids = { secrets: secretIds, configs: configIds };
    const applyService = async (service: ServiceStep) => {
      const image = service.spec?.Labels[STACK_IMAGE_LABEL];
      const registryAuth = image ? await options.registryAuth?.(image) : undefined;
      switch (service.action) {
        case 'unchanged':
          serviceIds.set(service.name, service.existing!.ID);
          options.onProgress({
            type: 'step',
            object: 'service',
            name: service.name,
            action: 'unchanged',
            state: 'done',
          });
          return;
        case 'create': {
          const spec = withFileReferences(service.spec!, service.desired!, ids);
          const created = await step('service', service.name, 'create', () =>
            swarmApi.createService(docker, spec, registryAuth),
          );
          serviceIds.set(service.name, created.ID);
          undo.push({
            object: 'service',
            name: service.name,
            action: 'remove',
            run: () => removeServicesAndWait(docker, [created.ID]),
          });
          return warn(options, service.name, created.Warnings);
        }
        case 'update': {
          const existing = service.existing!;
          const spec = withFileReferences(service.spec!, service.desired!, ids);
          const updated = await step(
            'service',
            service.name,
            'update',
            () => updateService(docker, existing, spec, registryAuth),
            service.changes,
          );
          serviceIds.set(service.name, existing.ID);
          undo.push({
            object: 'service',
            name: service.name,
            action: 'rollback',
            run: () => rollbackToPrevious(docker, existing.ID),
          });
          return warn(options, service.name, updated.Warnings);
        }
        case 'remove':
          await step('service', service.name, 'remove', () => removeServicesAndWait(docker, [service.existing!.ID]));
      }
    };
    // Services go to the engine together (Swarm schedules them as they arrive); all settle before a failure is
    // handled, so every one that was created is undone.
    const outcomes = await Promise.allSettled(plan.services.map(applyService));
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    return { serviceIds, changed };
  } catch (error) {
    await undoAll(undo, options);
    throw error;
  }
}

type Step = <T>(
  object: StackObjectKind,
  name: string,
  action: 'create' | 'update' | 'unchanged' | 'remove' | 'verify',
  run: () => Promise<T>,
) => Promise<T>;

async function applyFileObjects(
  docker: Docker,
  kind: 'secrets' | 'configs',
  steps: FileObjectStep[],
  step: Step,
  undo: Undo[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const item of steps) {
    const spec = item.fileObject.spec;
    if (item.existing) {
      ids.set(item.name, item.existing.ID);
      if (item.action === 'unchanged') continue;
      await step(item.object, item.name, item.action, () =>
        swarmApi.updateFileObject(docker, kind, item.existing!, spec).catch((error: unknown) => {
          throw changedContentError(item, error);
        }),
      );
      continue;
    }
    const created = await step(item.object, item.name, 'create', () => swarmApi.createFileObject(docker, kind, spec));
    ids.set(item.name, created.ID);
    undo.push({
      object: item.object,
      name: item.name,
      action: 'remove',
      run: () => swarmApi.removeFileObject(docker, kind, created.ID, item.name),
    });
  }
  return ids;
}

/** Swarm refuses to change a secret's content ("only updates to Labels are allowed"). */
function changedContentError(item: FileObjectStep, error: unknown): unknown {
  if (!(error instanceof BerthError) || !/only updates to labels are allowed/i.test(error.message)) return error;
  return new BerthError(
    'E_INVALID_INPUT',
    `The content of ${item.object} "${item.name}" changed; Swarm ${item.object}s can't change.`,
    {
      fix: `Give the ${item.object} a new name (\`name: ${item.name}_v2\` under ${item.object}s) so services switch to it, or remove the stack first.`,
      details: { [item.object]: item.name },
    },
  );
}

/**
 * Swarm bumps a service's version on its own (an update's status changing); an update based on the version read a
 * moment ago is then "out of sequence". Read it again and send the same spec once more.
 */
async function updateService(
  docker: Docker,
  existing: SwarmService,
  spec: ServiceSpec,
  registryAuth: string | undefined,
) {
  try {
    return await swarmApi.updateService(docker, existing, spec, { registryAuth });
  } catch (error) {
    if (!(error instanceof BerthError) || !/out of sequence/i.test(error.message)) throw error;
    const fresh = await swarmApi.inspectService(docker, existing.ID);
    spec.TaskTemplate.ForceUpdate = fresh.Spec.TaskTemplate.ForceUpdate;
    return swarmApi.updateService(docker, fresh, spec, { registryAuth });
  }
}

/** The service's previous spec again, as `docker service rollback` does. */
async function rollbackToPrevious(docker: Docker, id: string): Promise<void> {
  const service = await swarmApi.inspectService(docker, id);
  if (!service.PreviousSpec) return;
  await swarmApi.updateService(docker, service, service.Spec, {
    rollback: true,
    what: `Rolling back ${service.Spec.Name}`,
  });
}

async function undoAll(undo: Undo[], options: ApplyOptions): Promise<void> {
  // Services first (their tasks hold the networks, secrets and configs), then the rest, newest first.
  const ordered = [
    ...undo.filter((entry) => entry.object === 'service'),
    ...undo.filter((entry) => entry.object !== 'service').reverse(),
  ];
  for (const entry of ordered) {
    try {
      await entry.run();
      options.onProgress({ type: 'undo', object: entry.object, name: entry.name, action: entry.action, state: 'done' });
    } catch (error) {
      options.onProgress({
        type: 'undo',
        object: entry.object,
        name: entry.name,
        action: entry.action,
        state: 'failed',
        message: (error as Error).message,
      });
    }
  }
}

function warn(options: ApplyOptions, name: string, warnings: string[] | null | undefined): void {
  for (const message of warnings ?? []) options.onProgress({ type: 'warning', name, message });
}
