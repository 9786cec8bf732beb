/**
 * The `stackDeploy` stream: one deploy of a project as a Swarm stack from the app, its findings and steps as they
 * happen, then `done`. A failure closes the stream with the error (the deploy has undone its own changes by then);
 * closing the stream cancels the deploy.
 */
import type Docker from 'dockerode';
import type { StackDeployMessage } from '@shared/schemas/cluster';
import type { ComposeProject } from '../compose/model/project';
import { createOperationSource } from '../streams/operation-source';
import type { StreamSource } from '../streams/stream-source';
import { deployStack } from './stack-deploy';

export interface StackDeployRequest {
  stack: string;
  prune?: boolean;
  imagesPreloaded?: boolean;
  wait?: boolean;
}

export interface StackDeployDeps {
  /** The engine (a swarm manager); throws when it is unreachable. */
  docker(): Docker;
  load(): Promise<ComposeProject>;
}

/** While the consumer lags, a step's later state replaces its earlier one, and task counts keep only the latest. */
function progressKey(message: StackDeployMessage): string | null {
  if (message.type !== 'progress') return null;
  const event = message.event;
  if (event.type === 'tasks') return 'tasks';
  if (event.type === 'step') return `step:${event.object}:${event.name}`;
  return null;
}

export function createStackDeploySource(
  deps: StackDeployDeps,
  request: StackDeployRequest,
): StreamSource<StackDeployMessage> {
  return createOperationSource<StackDeployMessage>({
    keyOf: progressKey,
    cancelledMessage: `Deploying stack ${request.stack} was cancelled.`,
    async run(signal, push) {
      const project = await deps.load();
      const result = await deployStack(deps.docker(), project, {
        stack: request.stack,
        prune: request.prune,
        imagesPreloaded: request.imagesPreloaded,
        wait: request.wait,
        signal,
        onProgress: (event) => push({ type: 'progress', event }),
      });
      return { type: 'done', stack: result.stack, changed: result.changed };
    },
  });
}
