import { NoticesInterestSchema, type Notice, type NoticesInterest } from '@shared/schemas/notices';
import type { EngineWatch } from '../docker/engine-watch';
import { CoalesceByKey } from '../streams/coalesce-by-key';
import type { StreamSink, StreamSource } from '../streams/stream-source';
import { DiagnosticsNotifier } from './notifier';

/**
 * The `notices` stream: what the app tells the user about the projects they opened (a service died, was
 * OOM-killed, turned unhealthy, crash-loops). The consumer updates its interest (projects, mute) by sending it
 * again. `alsoTell` hands each notice to the desktop too (a system notification). A paused consumer gets the
 * latest notice per container and kind.
 */
export function createNoticesSource(
  engine: EngineWatch,
  interest: NoticesInterest,
  alsoTell: (notice: Notice) => void,
): StreamSource<Notice> {
  let sink: StreamSink<Notice> | null = null;
  let notifier: DiagnosticsNotifier | null = null;
  const buffer = new CoalesceByKey<Notice>(
    (notice) => sink?.emit(notice),
    (notice) => `${notice.containerId} ${notice.kind}`,
  );
  const apply = (next: NoticesInterest) => {
    const { projects, muted } = NoticesInterestSchema.parse(next);
    notifier?.watchProjects(projects);
    if (muted) notifier?.mute();
    else notifier?.unmute();
  };
  return {
    start(streamSink) {
      sink = streamSink;
      notifier = new DiagnosticsNotifier(engine, {
        onNotice(notice) {
          buffer.push(notice);
          alsoTell(notice);
        },
      });
      apply(interest);
    },
    receive: (data) => apply(data as NoticesInterest),
    pause: () => buffer.pause(),
    resume: () => buffer.resume(),
    dispose() {
      notifier?.dispose();
      notifier = null;
      sink = null;
      buffer.clear();
    },
  };
}
