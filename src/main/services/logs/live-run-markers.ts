import type { EngineEvent } from '@shared/schemas/engine';
import type { LogMarker } from '@shared/schemas/logs';
import type { FollowedContainer } from './followed-container';
import { atOrAfter } from './past-run-markers';
import { exitMarker, restartMarker, timeFromNanos } from './run-markers';

/**
 * The exit and restart markers of followed containers, from engine events as they happen, each placed after the lines
 * already delivered (the batcher sorts by time). `emit` null: the consumer takes no markers.
 */
export class LiveRunMarkers {
  constructor(private readonly emit: ((marker: LogMarker) => void) | null) {}

  /** `oom` then `die`: the exit marker waits until the reader has delivered the run's last lines. */
  runEnded(followed: FollowedContainer, event: EngineEvent): void {
    if (event.action === 'oom') {
      followed.oomSeen = true;
      return;
    }
    const code = Number(event.attributes.exitCode);
    followed.lastExitCode = Number.isFinite(code) ? code : null;
    followed.pendingExit = exitMarker(followed.source.index, {
      time: timeFromNanos(event.timeNano),
      exitCode: followed.lastExitCode,
      oomKilled: followed.oomSeen,
      memoryLimitBytes: followed.container.memoryLimitBytes,
    });
    followed.oomSeen = false;
    if (!followed.reader) this.flush(followed, 'exit');
  }

  restarted(followed: FollowedContainer, event: EngineEvent): void {
    followed.restartsSeen++;
    followed.pendingRestart = restartMarker(followed.source.index, {
      time: timeFromNanos(event.timeNano),
      restartCount: followed.container.restartCount + followed.restartsSeen,
      previousExit: followed.lastExitCode,
    });
    // Out at once, before the new run's first lines; an exit still waiting for its run's last lines goes first.
    if (!followed.pendingExit) this.flush(followed);
  }

  /** Exit first, then restart; `exit` alone while the new run's reader hasn't begun. */
  flush(followed: FollowedContainer, only?: 'exit'): void {
    if (!this.emit) return;
    // After the lines already delivered, whatever the event's own time, so the batcher's sort keeps the order.
    let after =
      [followed.cursors.stdout.time, followed.cursors.stderr.time, followed.lastMarkerTime]
        .filter(Boolean)
        .sort()
        .pop() ?? '';
    for (const kind of only === 'exit' ? (['pendingExit'] as const) : (['pendingExit', 'pendingRestart'] as const)) {
      const marker = followed[kind];
      if (!marker) continue;
      // A restarted process can print before the engine stamps its `start` event: the restart marker goes right
      // after the previous run's last line instead, so the new run's first lines never sort above it.
      const placed = kind === 'pendingRestart' && after ? { ...marker, time: after } : atOrAfter(marker, after);
      after = placed.time;
      followed.lastMarkerTime = placed.time;
      this.emit(placed);
      followed[kind] = null;
    }
  }
}
