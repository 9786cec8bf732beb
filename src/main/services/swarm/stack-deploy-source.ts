/**
 * The `stackDeploy` stream: one deploy of a project as a Swarm stack from the app, its findings and steps as they
 * happen, then `done`. A failure closes the stream with the error (the deploy has undone its own changes by then);
 * closing the stream cancels the deploy.
 */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { StackDeployMessage } from '@shared/schemas/cluster';
import type { ComposeProject } from '../compose/model/project';
import { CoalesceByKey } from '../streams/coalesce-by-key';
import type { StreamSink, StreamSource } from '../streams/stream-source';
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
  const abort = new AbortController();
  let sink: StreamSink<StackDeployMessage> | null = null;
  let ending: { error?: unknown } | null = null;
  const pending = new CoalesceByKey<StackDeployMessage>((message) => sink?.emit(message), progressKey);
  // The end waits until every message before it went out.
  const endWhenDelivered = () => {
    if (ending && pending.size === 0) sink?.end(ending.error);
  };
  const end = (error?: unknown) => {
    ending = { error };
    endWhenDelivered();
  };
  return {
    start(target) {
      sink = target;
      void (async () => {
        const project = await deps.load();
        const result = await deployStack(deps.docker(), project, {
          stack: request.stack,
          prune: request.prune,
          imagesPreloaded: request.imagesPreloaded,
          wait: request.wait,
          signal: abort.signal,
          onProgress: (event) => pending.push({ type: 'progress', event }),
        });
        pending.push({ type: 'done', stack: result.stack, changed: result.changed });
        end();
      })().catch(end);
    },
    pause: () => pending.pause(),
    resume() {
      pending.resume();
      endWhenDelivered();
    },
    dispose() {
      pending.clear();
      abort.abort(new BerthError('E_CANCELLED', `Deploying stack ${request.stack} was cancelled.`));
    },
  };
}
