/**
 * A project's develop.watch as a stream, for the app's Watch toggle: it starts watching when the stream starts,
 * reports each status (and the progress of rebuilds), and stops watching when the consumer goes away. While the
 * consumer is behind, a build step's progress keeps only its latest state; statuses are all kept, in order.
 */
import { progressEventKey } from '../projects/progress-key';
import type { WatchMessage } from '@shared/schemas/watch';
import type { ComposeProject } from '../compose/model/project';
import { CoalesceByKey } from '../streams/coalesce-by-key';
import type { StreamSink, StreamSource } from '../streams/stream-source';
import { startProjectWatch, type ProjectWatch, type WatchDeps } from './project-watch';

export type { WatchMessage };

export interface WatchSourceInput {
  /** Loads the project as Berth runs it (with its overrides). */
  load(): Promise<ComposeProject>;
  services?: string[];
  initialSync?: boolean;
}

export function watchMessageKey(message: WatchMessage): string | null {
  return message.type === 'progress' ? progressEventKey(message.event) : null;
}

export function createWatchSource(deps: WatchDeps, input: WatchSourceInput): StreamSource<WatchMessage> {
  let sink: StreamSink<WatchMessage> | null = null;
  let watch: ProjectWatch | null = null;
  let disposed = false;
  const pending = new CoalesceByKey<WatchMessage>((message) => sink?.emit(message), watchMessageKey);
  return {
    start(target) {
      sink = target;
      void (async () => {
        const project = await input.load();
        if (disposed) return;
        watch = await startProjectWatch(deps, project, {
          services: input.services,
          initialSync: input.initialSync,
          onStatus: (status) => pending.push({ type: 'status', status }),
          onProgress: (event) => pending.push({ type: 'progress', event }),
        });
        if (disposed) await watch.stop();
      })().catch((error: unknown) => sink?.end(error));
    },
    pause: () => pending.pause(),
    resume: () => pending.resume(),
    dispose() {
      disposed = true;
      pending.clear();
      void watch?.stop();
    },
  };
}
