/**
 * Tells the user when a service of a project they opened dies, is OOM-killed, turns unhealthy or starts
 * crash-looping: from engine events, at most one notice per container and kind per quiet period, none for what
 * the user asked for (a stop, `down`, `docker kill`: the engine sends a `kill` event first) and none while muted.
 * The app shows the notices (Electron `Notification`, a toast in the web build); this decides what and when.
 */
import type Docker from 'dockerode';
import type { EngineEvent } from '@shared/schemas/engine';
import type { Notice, NoticeKind } from '@shared/schemas/notices';
import { COMPOSE_LABELS } from '../compose/labels';
import type { EngineWatch } from '../docker/engine-watch';
import { formatMemory, timeOf } from './diagnose';
import { exitMeaning } from './exit-codes';
import { CRASH_LOOP_RESTARTS, CRASH_LOOP_WINDOW_MS } from './run-history';

export type { Notice, NoticeKind };

export interface NotifierOptions {
  onNotice(notice: Notice): void;
  /** A kill this long before a die means the user stopped it. */
  stopGraceMs?: number;
}

interface Tracked {
  killedAt: number | null;
  oom: boolean;
  lastExit: number | null;
  restarts: number[];
  /** Per kind, when it was last notified: one notice per kind per crash-loop window. */
  notified: Partial<Record<NoticeKind, number>>;
}

export class DiagnosticsNotifier {
  private readonly watched = new Set<string>();
  private readonly muted = new Set<string>();
  private mutedAll = false;
  private readonly containers = new Map<string, Tracked>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly engine: EngineWatch,
    private readonly options: NotifierOptions,
  ) {
    this.unsubscribe = engine.onEvent((event) => this.onEvent(event));
  }

  /** The projects the user opened: only these are notified about. */
  watchProjects(projects: Iterable<string>): void {
    this.watched.clear();
    for (const project of projects) this.watched.add(project);
  }

  /** Mutes one project, or everything when no project is given. */
  mute(project?: string): void {
    if (project === undefined) this.mutedAll = true;
    else this.muted.add(project);
  }

  unmute(project?: string): void {
    if (project === undefined) this.mutedAll = false;
    else this.muted.delete(project);
  }

  isMuted(project: string): boolean {
    return this.mutedAll || this.muted.has(project);
  }

  dispose(): void {
    this.unsubscribe();
    this.containers.clear();
  }

  private onEvent(event: EngineEvent): void {
    if (event.type !== 'container' || !event.id) return;
    const project = event.attributes[COMPOSE_LABELS.project];
    if (!project || !this.watched.has(project)) return;
    if (event.action === 'destroy') return void this.containers.delete(event.id);
    const tracked = this.track(event.id);
    const at = Math.round(event.timeNano / 1e6);
    switch (event.action) {
      case 'kill':
        tracked.killedAt = at;
        return;
      case 'oom':
        tracked.oom = true;
        return;
      case 'start':
        if (tracked.lastExit !== null) this.onRestart(event, tracked, at);
        tracked.oom = false;
        return;
      case 'die':
        return this.onDie(event, tracked, at);
      case 'health_status: unhealthy':
        return void this.onUnhealthy(event, tracked, at);
    }
  }

  private onDie(event: EngineEvent, tracked: Tracked, at: number): void {
    const code = Number(event.attributes.exitCode);
    const oom = tracked.oom;
    tracked.oom = false;
    tracked.lastExit = Number.isFinite(code) ? code : null;
    const askedFor = tracked.killedAt !== null && at - tracked.killedAt <= (this.options.stopGraceMs ?? 60_000);
    tracked.killedAt = null;
    if (askedFor && !oom) return;
    if (oom) return void this.onOom(event, tracked, at);
    if (code === 0) return;
    const meaning = Number.isFinite(code) ? exitMeaning(code).meaning : 'unknown exit';
    this.notify(event, tracked, at, 'died', 'failed', `${this.serviceName(event)} died`, `Exit ${code}: ${meaning}.`);
  }

  private async onOom(event: EngineEvent, tracked: Tracked, at: number): Promise<void> {
    const limit = await this.memoryLimit(event.id);
    const body = limit ? `Out of memory at its ${formatMemory(limit)} limit (exit 137).` : 'Out of memory (exit 137).';
    this.notify(event, tracked, at, 'oom-killed', 'failed', `${this.serviceName(event)} was OOM-killed`, body);
  }

  private onRestart(event: EngineEvent, tracked: Tracked, at: number): void {
    tracked.restarts = tracked.restarts.filter((time) => at - time <= CRASH_LOOP_WINDOW_MS);
    tracked.restarts.push(at);
    if (tracked.restarts.length < CRASH_LOOP_RESTARTS) return;
    const minutes = Math.round(CRASH_LOOP_WINDOW_MS / 60_000);
    this.notify(
      event,
      tracked,
      at,
      'crash-loop',
      'warning',
      `${this.serviceName(event)} is crash-looping`,
      `${tracked.restarts.length} restarts in ${minutes} min, last exit ${tracked.lastExit ?? '?'}.`,
    );
  }

  private async onUnhealthy(event: EngineEvent, tracked: Tracked, at: number): Promise<void> {
    const output = await this.lastHealthOutput(event.id);
    const body = output ? `Healthcheck: ${output}` : 'Its healthcheck keeps failing.';
    this.notify(event, tracked, at, 'unhealthy', 'failed', `${this.serviceName(event)} is unhealthy`, body);
  }

  /**
   * One notice per kind per container within the crash-loop window; while a container crash-loops, its deaths are
   * not notified one by one.
   */
  private notify(
    event: EngineEvent,
    tracked: Tracked,
    at: number,
    kind: NoticeKind,
    severity: Notice['severity'],
    title: string,
    body: string,
  ): void {
    const project = event.attributes[COMPOSE_LABELS.project]!;
    if (this.isMuted(project)) return;
    const recent = (k: NoticeKind) =>
      tracked.notified[k] !== undefined && at - tracked.notified[k]! < CRASH_LOOP_WINDOW_MS;
    if (recent(kind) || (kind === 'died' && recent('crash-loop'))) return;
    tracked.notified[kind] = at;
    this.options.onNotice({
      kind,
      severity,
      project,
      service: event.attributes[COMPOSE_LABELS.service] ?? null,
      containerId: event.id,
      containerName: event.attributes.name ?? event.id.slice(0, 12),
      title,
      body,
      time: at,
    });
  }

  private serviceName(event: EngineEvent): string {
    return event.attributes[COMPOSE_LABELS.service] ?? event.attributes.name ?? event.id.slice(0, 12);
  }

  private track(id: string): Tracked {
    let tracked = this.containers.get(id);
    if (!tracked) {
      tracked = { killedAt: null, oom: false, lastExit: null, restarts: [], notified: {} };
      this.containers.set(id, tracked);
    }
    return tracked;
  }

  private async inspect(id: string): Promise<Docker.ContainerInspectInfo | null> {
    try {
      return await this.engine.getDocker().getContainer(id).inspect();
    } catch {
      return null;
    }
  }

  private async memoryLimit(id: string): Promise<number | null> {
    return (await this.inspect(id))?.HostConfig?.Memory || null;
  }

  private async lastHealthOutput(id: string): Promise<string | null> {
    const log = ((await this.inspect(id))?.State as { Health?: { Log?: Array<{ Output?: string; End?: string }> } })
      ?.Health?.Log;
    const last = log?.filter((run) => timeOf(run.End) !== null).pop();
    return last?.Output?.trim().split('\n')[0]?.slice(0, 200) || null;
  }
}
