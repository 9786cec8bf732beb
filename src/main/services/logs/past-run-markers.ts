/**
 * Run markers for a history: the engine's recent events (it keeps the last 256) say when each container died and
 * restarted; inspect says how its last run ended. Markers are interleaved with each container's own lines by time
 * (`MarkerInterleaver`) before the containers are merged, so `berth logs` of a crash loop reads
 * `boom`, `── exited 3 ──`, `── restart 1 ──`, `boom`…
 */
import type Docker from 'dockerode';
import type { EngineEvent } from '@shared/schemas/engine';
import type { LogMarker } from '@shared/schemas/logs';
import { toEngineEvent } from '../docker/engine-event';
import { JsonLineParser } from '../docker/json-lines';
import type { FollowedContainer } from './followed-container';
import type { TargetContainer } from './log-targets';
import { exitMarker, restartMarker, timeFromNanos } from './run-markers';

/** Past `die`, `start` and `oom` events of these containers between two UNIX times (engine API form). */
export async function pastRunEvents(
  docker: Docker,
  ids: readonly string[],
  since: string,
  until: string,
): Promise<EngineEvent[]> {
  if (ids.length === 0) return [];
  const stream = (await docker.getEvents({
    since: Number(since),
    until: Number(until),
    filters: { type: ['container'], container: [...ids], event: ['die', 'start', 'oom'] },
  } as Docker.GetEventsOptions)) as NodeJS.ReadableStream;
  const events: EngineEvent[] = [];
  const parser = new JsonLineParser((value) => {
    const event = toEngineEvent(value);
    if (event) events.push(event);
  });
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => parser.push(chunk));
    stream.on('end', () => resolve(parser.end()));
    stream.on('error', reject);
  });
  return events;
}

/**
 * One container's markers, oldest first: an exit marker per `die`, a restart marker per `start` that followed one,
 * and, when the last run's exit is not among the events, one from inspect.
 */
export function runMarkersOf(container: TargetContainer, source: number, events: readonly EngineEvent[]): LogMarker[] {
  const mine = events.filter((event) => event.id === container.id).sort((a, b) => a.timeNano - b.timeNano);
  const restarts = mine.filter(
    (event, i) => event.action === 'start' && mine.slice(0, i).some((e) => e.action === 'die'),
  );
  // Number restarts back from the engine's count, which the last one reached.
  let restartNumber = container.restartCount - restarts.length;
  const markers: LogMarker[] = [];
  let oom = false;
  let lastExit: number | null = null;
  for (const event of mine) {
    if (event.action === 'oom') oom = true;
    else if (event.action === 'die') {
      const code = Number(event.attributes.exitCode);
      lastExit = Number.isFinite(code) ? code : null;
      markers.push(
        exitMarker(source, {
          time: timeFromNanos(event.timeNano),
          exitCode: lastExit,
          oomKilled: oom,
          memoryLimitBytes: container.memoryLimitBytes,
        }),
      );
      oom = false;
    } else if (restarts.includes(event)) {
      restartNumber++;
      markers.push(
        restartMarker(source, {
          time: timeFromNanos(event.timeNano),
          restartCount: restartNumber > 0 ? restartNumber : null,
          previousExit: lastExit,
        }),
      );
    }
  }
  const last = markers[markers.length - 1];
  const ended = container.exitCode !== null && container.finishedAt !== null;
  if (ended && (!last || last.kind !== 'exited' || last.time < container.finishedAt!)) {
    markers.push(
      exitMarker(source, {
        time: container.finishedAt!,
        exitCode: container.exitCode,
        oomKilled: container.oomKilled,
        memoryLimitBytes: container.memoryLimitBytes,
      }),
    );
  }
  return markers;
}

/**
 * Puts one container's markers among its lines. A new run's lines come after its start, so a restart marker goes
 * before the first line stamped after it; an exit marker rides with the restart that follows it (or goes last):
 * the engine stamps a run's last lines when it reads them, which can be just after the exit. With a `tail`,
 * markers before the first line shown are left out (their lines aren't shown), except the last exit.
 */
export class MarkerInterleaver<L extends { time: string }> {
  private next = 0;
  private sawLine = false;
  private lastTime = '';

  constructor(
    private readonly markers: readonly LogMarker[],
    private readonly emit: (item: L | LogMarker) => void,
    private readonly tailed: boolean,
  ) {}

  line(line: L): void {
    let due = this.restartDueBy(line.time);
    if (!this.sawLine && this.tailed) {
      while (due !== -1) {
        this.next = due + 1;
        due = this.restartDueBy(line.time);
      }
    }
    this.sawLine = true;
    for (; due !== -1; due = this.restartDueBy(line.time)) while (this.next <= due) this.emitMarker();
    this.lastTime = line.time > this.lastTime ? line.time : this.lastTime;
    this.emit(line);
  }

  end(): void {
    if (!this.sawLine && this.tailed) this.next = Math.max(this.next, this.markers.length - 1);
    while (this.next < this.markers.length) this.emitMarker();
  }

  /** Never stamped before a line it follows, so a merge or a sort by time keeps it after them. */
  private emitMarker(): void {
    const marker = atOrAfter(this.markers[this.next++]!, this.lastTime);
    this.lastTime = marker.time;
    this.emit(marker);
  }

  /** Index of the next restart marker (past any exits before it) if it happened by `time`; else -1. */
  private restartDueBy(time: string): number {
    let index = this.next;
    while (index < this.markers.length && this.markers[index]!.kind === 'exited') index++;
    return index < this.markers.length && this.markers[index]!.time <= time ? index : -1;
  }
}

/** The marker, its time moved up to `time` when it was earlier. */
export function atOrAfter(marker: LogMarker, time: string): LogMarker {
  return marker.time >= time ? marker : { ...marker, time };
}

/**
 * Markers of the runs a history covers (`since`/`until` as the logs request gives them, else the last 24 hours), per
 * source; none when the engine can't say. Also records each container's last exit code for the restarts that follow.
 */
export async function pastMarkersOf(
  docker: Docker,
  followed: FollowedContainer[],
  window: { since: string | undefined; until: string | undefined; nowMs: number },
): Promise<Map<number, LogMarker[]>> {
  const now = window.nowMs / 1000;
  const since = window.since ?? String(Math.floor(now - 24 * 3600));
  const until = window.until ?? now.toFixed(9);
  const events = await pastRunEvents(
    docker,
    followed.map((entry) => entry.container.id),
    since,
    until,
  ).catch(() => []);
  const first = timeFromNanos(Number(since) * 1e9);
  const last = timeFromNanos(Number(until) * 1e9);
  const markers = new Map<number, LogMarker[]>();
  for (const entry of followed) {
    const mine = runMarkersOf(entry.container, entry.source.index, events).filter(
      (marker) => (window.since === undefined || marker.time >= first) && marker.time <= last,
    );
    if (mine.length > 0) markers.set(entry.source.index, mine);
    if (entry.container.exitCode !== null) entry.lastExitCode = entry.container.exitCode;
  }
  return markers;
}
