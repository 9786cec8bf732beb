import type Docker from 'dockerode';
import type { EngineEvent, EngineState } from '@shared/schemas/engine';
import type { LogLine, LogMarker, LogSource, LogTarget } from '@shared/schemas/logs';
import { isConnectionError } from '../docker/connection-errors';
import type { EngineWatch } from '../docker/engine-watch';
import type { ContainerLogReader, LogRequest } from './container-log-reader';
import { FollowedContainer } from './followed-container';
import { HistoryRead } from './history-read';
import { LineBatcher } from './line-batcher';
import { parseTimeArgument } from './log-timestamp';
import { LiveRunMarkers } from './live-run-markers';
import { pastMarkersOf } from './past-run-markers';
import {
  anchorOf,
  findCurrentContainers,
  findTargetContainers,
  inspectTargetContainer,
  startEventMatches,
  type ComposeAnchor,
  type TargetContainer,
} from './log-targets';

export interface LogsSessionOptions {
  engine: EngineWatch;
  target: LogTarget;
  tail: number | 'all';
  /** The user's forms (`10m`, RFC 3339, UNIX time). */
  since?: string;
  until?: string;
  follow: boolean;
  /** The consumer shows timestamps (default). When it doesn't, a lone container's history skips them: faster. */
  timestamps?: boolean;
  now?: () => number;
  /** Wait before reading a container again whose followed stream ended while it still runs. */
  rereadDelayMs?: number;
}

export interface LogsSessionOutput {
  sources(sources: LogSource[]): void;
  lines(lines: LogLine[]): void;
  /** The history before following is out. */
  caughtUp(): void;
  notice(level: 'info' | 'warning', text: string): void;
  /** Where a container exited or restarted, in order with its lines; left out when absent. */
  marker?(marker: LogMarker): void;
  /** Without following, after the history; with it, only on failure or dispose. */
  end(error?: unknown): void;
}

/** How long a broken read waits for the engine connection to notice the drop before reading again. */
const UNNOTICED_DROP_RETRY_MS = 1_000;

/** What flows through the merge and the batcher: lines, and the run markers among them. */
type SessionItem = LogLine | LogMarker;
const isMarker = (item: SessionItem): item is LogMarker => 'kind' in item;

/**
 * Logs of one target: the history of its containers merged by timestamp, then (when following) every container
 * followed live, read again from its cursors after it restarts, when a replacement container of the same service
 * starts, and after the engine reconnects, so no line is lost or repeated.
 */
export class LogsSession {
  private readonly containers = new Map<string, FollowedContainer>();
  private readonly batcher: LineBatcher<SessionItem>;
  private readonly runMarkers: LiveRunMarkers;
  private history: HistoryRead | null = null;
  private readonly unsubscribers: Array<() => void> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private anchor: ComposeAnchor | null = null;
  private since: string | undefined;
  private until: string | undefined;
  /** Where containers with no delivered line start when read live. */
  private firstLiveSince: string | undefined;
  private phase: 'waiting' | 'history' | 'following' | 'done' = 'waiting';
  private paused = false;
  private disposed = false;
  private wasConnected = false;

  constructor(
    private readonly options: LogsSessionOptions,
    private readonly output: LogsSessionOutput,
  ) {
    this.batcher = new LineBatcher<SessionItem>((items) => this.deliver(items));
    this.runMarkers = new LiveRunMarkers(output.marker ? (marker) => this.batcher.add(marker) : null);
  }

  start(): void {
    try {
      const now = (this.options.now ?? Date.now)();
      this.since = this.options.since ? parseTimeArgument(this.options.since, now) : undefined;
      this.until = this.options.until ? parseTimeArgument(this.options.until, now) : undefined;
      // With no history wanted, "from now on" must still include lines printed while we connect.
      this.firstLiveSince = this.options.tail === 0 && !this.since ? (now / 1000).toFixed(9) : this.since;
    } catch (error) {
      return this.finish(error);
    }
    const engine = this.options.engine;
    this.wasConnected = engine.getState().status === 'connected';
    this.unsubscribers.push(
      engine.onStateChange((state) => this.onEngineState(state)),
      engine.onEvent((event) => this.onEngineEvent(event)),
    );
    if (engine.getState().status === 'connected') void this.readHistory();
    else if (this.follows) this.output.notice('warning', 'Waiting for the Docker engine…');
    else this.finish(tryGetDocker(engine));
  }

  /** Stops reading from the engine until `resume()` (the consumer can't keep up). */
  pause(): void {
    this.paused = true;
    this.history?.pause();
    for (const reader of this.liveReaders()) reader.pause();
  }

  resume(): void {
    this.paused = false;
    this.history?.resume();
    for (const reader of this.liveReaders()) reader.resume();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.phase = 'done';
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    for (const timer of this.timers) clearTimeout(timer);
    this.history?.abort();
    for (const reader of this.liveReaders()) reader.abort();
    this.batcher.dispose();
  }

  private get follows(): boolean {
    return this.options.follow && this.until === undefined;
  }

  private *liveReaders(): Iterable<ContainerLogReader> {
    for (const followed of this.containers.values()) if (followed.reader) yield followed.reader;
  }

  private async readHistory(): Promise<void> {
    this.phase = 'history';
    let docker: Docker;
    let found: TargetContainer[];
    try {
      docker = this.options.engine.getDocker();
      found = await findTargetContainers(docker, this.options.target);
    } catch (error) {
      return this.onPhaseFailure(error);
    }
    if (this.disposed) return;
    if (this.options.target.kind === 'container') this.anchor = anchorOf(found[0]!);
    for (const container of found) this.track(container);
    this.announceSources();

    const followed = [...this.containers.values()];
    const markers = this.output.marker
      ? await pastMarkersOf(docker, followed, {
          since: this.since,
          until: this.until,
          nowMs: (this.options.now ?? Date.now)(),
        })
      : new Map<number, LogMarker[]>();
    if (this.disposed) return;
    // Times order a merge and resume a follow; a lone history nobody reads the times of needs none.
    const timestamps = this.options.timestamps !== false || this.follows || followed.length > 1 || markers.size > 0;
    const request: LogRequest = {
      follow: false,
      tail: this.options.tail,
      since: this.since,
      until: this.until,
      timestamps,
    };
    const history = new HistoryRead({
      docker,
      containers: followed,
      markers,
      request,
      emit: (item) => this.batcher.add(item),
    });
    this.history = history;
    if (this.paused) history.pause();
    try {
      await history.read();
    } catch (error) {
      return this.onPhaseFailure(error);
    } finally {
      this.history = null;
    }
    if (this.disposed) return;
    this.batcher.flush();
    this.output.caughtUp();
    if (!this.follows) return this.finish();
    this.phase = 'following';
    await this.resync();
  }

  /**
   * History failed: without following that's the end; with it, wait for the engine to come back. An engine that
   * answered with an error (no such container…) is the end too. A broken connection the engine connection has not
   * noticed yet (it still says connected) is waited out like any drop, trying again if it never notices.
   */
  private onPhaseFailure(error: unknown): void {
    if (this.disposed) return;
    const connected = this.options.engine.getState().status === 'connected';
    if (!this.follows || (connected && !isConnectionError(error))) return this.finish(error);
    this.phase = 'waiting';
    if (connected) {
      this.later(() => {
        if (this.phase === 'waiting' && this.options.engine.getState().status === 'connected') this.resumeWaiting();
      }, UNNOTICED_DROP_RETRY_MS);
    }
  }

  /** Finds the target's containers again (new ones appear) and reads every one from its cursors. */
  private async resync(): Promise<void> {
    let found: TargetContainer[];
    try {
      found = await findCurrentContainers(this.options.engine.getDocker(), this.options.target, this.anchor);
    } catch {
      return; // The engine went away again; the next reconnect resyncs.
    }
    if (this.disposed) return;
    this.addContainers(found);
    for (const followed of this.containers.values()) this.readLive(followed);
  }

  private addContainers(found: TargetContainer[]): void {
    const added = found.filter((container) => !this.containers.has(container.id));
    for (const container of added) this.track(container);
    if (added.length > 0) this.announceSources();
  }

  /** A container of the target started that the session doesn't know yet (recreated, scaled up). */
  private async followNewContainer(id: string): Promise<void> {
    const container = await inspectTargetContainer(this.options.engine.getDocker(), id).catch(() => null);
    if (!container || this.disposed) return;
    this.addContainers([container]);
    const followed = this.containers.get(container.id);
    if (followed) this.readLive(followed);
  }

  private track(container: TargetContainer): FollowedContainer {
    const index = this.containers.size;
    const source: LogSource = {
      index,
      containerId: container.id,
      name: container.name,
      service: container.service,
      project: container.project,
      tty: container.tty,
    };
    // Containers found after the history are new: all their lines count.
    const firstSince = this.phase === 'following' ? this.since : this.firstLiveSince;
    const followed = new FollowedContainer(container, source, firstSince);
    this.containers.set(container.id, followed);
    return followed;
  }

  private announceSources(): void {
    this.output.sources([...this.containers.values()].map((followed) => followed.source));
  }

  /** Follows one container from its cursors until its stream ends; then reads again if it still runs. */
  private readLive(followed: FollowedContainer): void {
    if (this.disposed || this.phase !== 'following') return;
    if (followed.reader) {
      followed.readAgain = true;
      return;
    }
    let docker: Docker;
    try {
      docker = this.options.engine.getDocker();
    } catch {
      return;
    }
    this.runMarkers.flush(followed);
    const request: LogRequest = { follow: true, tail: 'all', since: followed.resumeSince() };
    const reader = followed.openReader(docker, request, (line) => this.batcher.add(line));
    followed.reader = reader;
    if (this.paused) reader.pause();
    reader.read().then(
      () => this.afterLiveRead(followed, reader, null),
      (error: unknown) => this.afterLiveRead(followed, reader, error),
    );
  }

  private async afterLiveRead(followed: FollowedContainer, reader: ContainerLogReader, error: unknown): Promise<void> {
    if (followed.reader !== reader) return;
    followed.reader = null;
    // The run's last lines are out: its exit marker goes after them.
    this.runMarkers.flush(followed, 'exit');
    if (this.disposed || this.options.engine.getState().status !== 'connected') return;
    if (followed.readAgain) {
      followed.readAgain = false;
      return this.readLive(followed);
    }
    const container = await inspectTargetContainer(this.options.engine.getDocker(), followed.container.id).catch(
      () => undefined,
    );
    if (this.disposed || container === undefined) return;
    if (container === null) {
      this.output.notice('info', `${followed.source.name} was removed.`);
      return;
    }
    if (error) this.output.notice('warning', `Reading ${followed.source.name} failed (${describe(error)}); retrying.`);
    // Still running (or restarted meanwhile): the stream ended early, so read again after a breath.
    if (container.running || error) this.later(() => this.readLive(followed), this.options.rereadDelayMs ?? 250);
  }

  private onEngineEvent(event: EngineEvent): void {
    if (this.disposed) return;
    const known = event.type === 'container' ? this.containers.get(event.id) : undefined;
    if (known && this.phase === 'following' && (event.action === 'die' || event.action === 'oom')) {
      return this.runMarkers.runEnded(known, event);
    }
    if (!startEventMatches(this.options.target, this.anchor, event)) return;
    if (this.phase !== 'following') return;
    if (known) {
      if (known.lastExitCode !== null || known.pendingExit) this.runMarkers.restarted(known, event);
      return this.readLive(known);
    }
    void this.followNewContainer(event.id);
  }

  /** Hands a batch on: runs of lines as line batches, markers one by one between them. */
  private deliver(items: SessionItem[]): void {
    let lines: LogLine[] = [];
    for (const item of items) {
      if (!isMarker(item)) {
        lines.push(item);
        continue;
      }
      if (lines.length > 0) this.output.lines(lines);
      lines = [];
      this.output.marker?.(item);
    }
    if (lines.length > 0) this.output.lines(lines);
  }

  private onEngineState(state: EngineState): void {
    if (this.disposed) return;
    const connected = state.status === 'connected';
    if (connected && !this.wasConnected) {
      if (this.phase === 'waiting') this.resumeWaiting();
      else if (this.phase === 'following') {
        this.output.notice('info', 'Reconnected to the engine; resuming where the logs left off.');
        void this.resync();
      }
    } else if (!connected && this.wasConnected && this.phase === 'following') {
      this.output.notice('warning', 'Lost the Docker engine; logs resume when it is back.');
    }
    this.wasConnected = connected;
  }

  /** The engine is there again: read the history if none was read, else follow on from the cursors. */
  private resumeWaiting(): void {
    if (this.containers.size === 0) return void this.readHistory();
    // The history broke off with the engine: what it delivered moved the cursors, so follow on from them.
    this.phase = 'following';
    this.output.caughtUp();
    void this.resync();
  }

  private later(action: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  private finish(error?: unknown): void {
    if (this.disposed) return;
    this.batcher.flush();
    this.dispose();
    this.output.end(error);
  }
}

function tryGetDocker(engine: EngineWatch): unknown {
  try {
    engine.getDocker();
    return undefined;
  } catch (error) {
    return error;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
