/**
 * The `compose` stream: one Compose operation run from the UI (up, stop, down…), its progress as it happens, then
 * `done`; a failure closes the stream with the error, and closing the stream cancels the operation.
 */
import { BerthError } from '@shared/errors';
import type { ComposeOperationMessage } from '@shared/schemas/compose-progress';
import type { ComposeAction, ComposeOperationInput, ProjectRef } from '@shared/schemas/projects';
import type { ComposeEngine, OperationOptions } from '../compose/engine/compose-engine';
import { projectByName } from '../compose/engine/project-by-name';
import type { Plan } from '../compose/engine/plan/steps';
import type { ComposeProject } from '../compose/model/project';
import { createOperationSource } from '../streams/operation-source';
import { progressEventKey } from './progress-key';
import type { StreamSource } from '../streams/stream-source';
import { ownedVolumes } from './project-detail';

export interface ComposeOperationDeps {
  /** The engine for this operation; throws when the engine is unreachable. */
  engine(): ComposeEngine;
  load(ref: ProjectRef, services: string[]): Promise<ComposeProject>;
  /** "Start without GPU" (see ComposeRunner.withoutGpus). */
  withoutGpus(project: ComposeProject, services: string[]): { project: ComposeProject };
}

/** Stopping or removing needs no files: a project whose files are gone is still found by its labels. */
const LABELS_SUFFICE: ReadonlySet<ComposeAction> = new Set(['stop', 'start', 'restart', 'down']);

async function projectFor(deps: ComposeOperationDeps, input: ComposeOperationInput): Promise<ComposeProject> {
  const services = input.action === 'up' ? (input.services ?? []) : [];
  try {
    return await deps.load(input.project, services);
  } catch (error) {
    if ('name' in input.project && LABELS_SUFFICE.has(input.action)) return projectByName(input.project.name);
    throw error;
  }
}

function checkVolumeConfirmation(project: ComposeProject, confirmed: string[]): void {
  const owned = ownedVolumes(project).sort();
  const same = owned.length === confirmed.length && [...confirmed].sort().every((name, i) => name === owned[i]);
  if (!same) {
    throw new BerthError(
      'E_INVALID_INPUT',
      `The project's volumes are ${owned.join(', ') || 'none'}, not what was confirmed.`,
      {
        fix: 'Open Down again and confirm the volumes it lists.',
      },
    );
  }
}

function run(
  engine: ComposeEngine,
  project: ComposeProject,
  input: ComposeOperationInput,
  options: OperationOptions,
): Promise<Plan> {
  const services = input.services?.length ? input.services : undefined;
  switch (input.action) {
    case 'up':
      return engine.up(project, { ...options, services });
    case 'start':
      return engine.start(project, { ...options, services });
    case 'stop':
      return engine.stop(project, { ...options, services });
    case 'restart':
      return engine.restart(project, { ...options, services });
    case 'pull':
      return engine.pull(project, { ...options, services });
    case 'build':
      return engine.build(project, { ...options, services });
    case 'down': {
      if (input.removeVolumes) checkVolumeConfirmation(project, input.removeVolumes);
      return engine.down(project, {
        ...options,
        removeVolumes: input.removeVolumes !== undefined,
        byLabels: project.configFiles.length === 0,
      });
    }
  }
}

export function progressKey(message: ComposeOperationMessage): string | null {
  return message.type === 'progress' ? progressEventKey(message.event) : null;
}

export function createComposeOperationSource(
  deps: ComposeOperationDeps,
  input: ComposeOperationInput,
): StreamSource<ComposeOperationMessage> {
  return createOperationSource<ComposeOperationMessage>({
    keyOf: progressKey,
    cancelledMessage: `${input.action} was cancelled.`,
    async run(signal, push) {
      const loaded = await projectFor(deps, input);
      const project =
        input.action === 'up' && input.withoutGpu ? deps.withoutGpus(loaded, input.services ?? []).project : loaded;
      const plan = await run(deps.engine(), project, input, {
        signal,
        onProgress: (event) => push({ type: 'progress', event }),
      });
      return { type: 'done', changed: plan.steps.length };
    },
  });
}
