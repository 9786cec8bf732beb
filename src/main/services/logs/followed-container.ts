import type Docker from 'dockerode';
import type { LogLine, LogMarker, LogSource } from '@shared/schemas/logs';
import { ContainerLogReader, type LogRequest, type OutputStream } from './container-log-reader';
import { toUnixTimestamp } from './log-timestamp';
import { StreamCursor } from './stream-cursor';
import type { TargetContainer } from './log-targets';

/** What a session knows about one container it reads: its source entry, where each stream got to, its reader. */
export class FollowedContainer {
  readonly cursors: Record<OutputStream, StreamCursor> = { stdout: new StreamCursor(), stderr: new StreamCursor() };
  reader: ContainerLogReader | null = null;
  /** A start event came while a reader was still open: read again once it ends. */
  readAgain = false;
  /** The exit marker of a `die`, held until the reader has delivered the run's last lines. */
  pendingExit: LogMarker | null = null;
  /** The restart marker of a `start` after a `die`, emitted before the new run's first line. */
  pendingRestart: LogMarker | null = null;
  /** Where the last marker was placed: the next one sorts after it. */
  lastMarkerTime = '';

  /** The engine reported an OOM kill during the current run. */
  oomSeen = false;
  /** Exit code of the last `die` seen; restarts seen since the session began. */
  lastExitCode: number | null = null;
  restartsSeen = 0;

  constructor(
    readonly container: TargetContainer,
    readonly source: LogSource,
    /** `since` for a container none of whose lines were delivered yet. */
    private readonly firstSince: string | undefined,
  ) {}

  /** Accepts a line unless a resumed request repeats it. */
  accept(stream: OutputStream, time: string): boolean {
    return this.cursors[stream].accept(time);
  }

  /** A reader of `request` whose lines go to `deliver` as this container's, minus those a resumed request repeats. */
  openReader(docker: Docker, request: LogRequest, deliver: (line: LogLine) => void): ContainerLogReader {
    const source = this.source.index;
    return new ContainerLogReader(docker, this.container.id, this.container.tty, request, (stream, time, text) => {
      if (this.accept(stream, time)) deliver({ time, source, stream, text });
    });
  }

  /** `since` that resumes both streams: the older cursor (the other stream skips its repeats). */
  resumeSince(): string | undefined {
    const times = [this.cursors.stdout.time, this.cursors.stderr.time].filter((time): time is string => !!time);
    if (times.length === 0) return this.firstSince;
    this.cursors.stdout.beginResume();
    this.cursors.stderr.beginResume();
    return toUnixTimestamp(times.sort()[0]!);
  }
}
