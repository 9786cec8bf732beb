/**
 * Logs of one swarm service, merged across its tasks by the engine (`/services/{id}/logs`), read with the logs
 * pipeline's reader (frames demultiplexed, lines assembled whole). History first, then (when following) the live
 * stream from the last line's time, skipping the lines already delivered at that instant, so none is lost or
 * repeated. Each task is one source of the viewer, named as `docker service logs` names it.
 */
import type Docker from 'dockerode';
import type { LogLine, LogSource } from '@shared/schemas/logs';
import { ContainerLogReader, type LogRequest, type OutputStream } from '../logs/container-log-reader';
import { LineBatcher } from '../logs/line-batcher';
import { parseTimeArgument, toUnixTimestamp } from '../logs/log-timestamp';
import { findService } from './service-actions';
import { splitDetails } from './service-log-details';
import { STACK_NAMESPACE_LABEL } from './stack-labels';
import { swarmApi } from './swarm-client';

export interface ServiceLogsOptions {
  docker: Docker;
  /** A service name (`<stack>_<service>`) or id. */
  service: string;
  tail: number | 'all';
  since?: string;
  until?: string;
  follow: boolean;
  now?: () => number;
}

export interface ServiceLogsOutput {
  sources(sources: LogSource[]): void;
  lines(lines: LogLine[]): void;
  caughtUp(): void;
  end(error?: unknown): void;
}

export class ServiceLogsSession {
  private readonly sources = new Map<string, LogSource>();
  private readonly batcher: LineBatcher;
  private reader: ContainerLogReader | null = null;
  private paused = false;
  private disposed = false;
  private serviceName = '';
  private stack: string | null = null;
  /**
   * Latest time seen in the history, and the lines at that instant: the live read starts there (the engine's
   * `since` is inclusive) and skips those. Tasks' lines arrive unordered, so only this instant is compared.
   */
  private lastTime = '';
  private atLastTime = new Set<string>();
  private following = false;
  private namesPending = false;

  constructor(
    private readonly options: ServiceLogsOptions,
    private readonly output: ServiceLogsOutput,
  ) {
    this.batcher = new LineBatcher((lines) => this.output.lines(lines));
  }

  start(): void {
    void this.run().then(
      () => this.finish(),
      (error: unknown) => this.finish(error),
    );
  }

  pause(): void {
    this.paused = true;
    this.reader?.pause();
  }

  resume(): void {
    this.paused = false;
    this.reader?.resume();
  }

  dispose(): void {
    this.disposed = true;
    this.reader?.abort();
    this.batcher.dispose();
  }

  private async run(): Promise<void> {
    const { docker } = this.options;
    const now = (this.options.now ?? Date.now)();
    const since = this.options.since ? parseTimeArgument(this.options.since, now) : undefined;
    const until = this.options.until ? parseTimeArgument(this.options.until, now) : undefined;
    const service = await findService(docker, this.options.service);
    this.serviceName = service.Spec.Name;
    this.stack = service.Spec.Labels[STACK_NAMESPACE_LABEL] ?? null;
    const tty = service.Spec.TaskTemplate.ContainerSpec.TTY ?? false;
    await this.read(service.ID, tty, { follow: false, tail: this.options.tail, since, until, details: true });
    if (this.disposed) return;
    this.batcher.flush();
    this.output.caughtUp();
    if (!this.options.follow || until !== undefined) return;
    const from = this.lastTime ? toUnixTimestamp(this.lastTime) : (now / 1000).toFixed(9);
    this.following = true;
    await this.read(service.ID, tty, { follow: true, tail: 'all', since: from, details: true });
  }

  private async read(serviceId: string, tty: boolean, request: LogRequest): Promise<void> {
    const reader = new ContainerLogReader(
      this.options.docker,
      serviceId,
      tty,
      request,
      (stream, time, text) => this.onLine(stream, time, text),
      'services',
    );
    this.reader = reader;
    if (this.paused) reader.pause();
    try {
      await reader.read();
    } finally {
      this.reader = null;
    }
  }

  private onLine(stream: OutputStream, time: string, raw: string): void {
    if (this.disposed) return;
    const { taskId, text } = splitDetails(raw);
    const key = `${taskId}\u0000${stream}\u0000${text}`;
    if (this.following) {
      if (time < this.lastTime || (time === this.lastTime && this.atLastTime.delete(key))) return;
    } else if (time > this.lastTime) {
      this.lastTime = time;
      this.atLastTime = new Set([key]);
    } else if (time === this.lastTime) {
      this.atLastTime.add(key);
    }
    this.batcher.add({ time, source: this.sourceOf(taskId ?? ''), stream, text });
  }

  private sourceOf(taskId: string): number {
    const known = this.sources.get(taskId);
    if (known) return known.index;
    const source: LogSource = {
      index: this.sources.size,
      containerId: taskId,
      name: `${this.serviceName}.${taskId.slice(0, 12)}`,
      service: this.serviceName,
      project: this.stack,
      tty: false,
    };
    this.sources.set(taskId, source);
    this.announce();
    void this.nameTasks();
    return source.index;
  }

  private announce(): void {
    this.output.sources([...this.sources.values()]);
  }

  /** `<service>.<slot>.<task id>@<node>`, once the tasks and nodes are listed. */
  private async nameTasks(): Promise<void> {
    if (this.namesPending) return;
    this.namesPending = true;
    try {
      const [tasks, nodes] = await Promise.all([
        swarmApi.listTasks(this.options.docker, { service: [this.serviceName] }),
        swarmApi.listNodes(this.options.docker),
      ]);
      const hostnames = new Map(nodes.map((node) => [node.ID, node.Description.Hostname]));
      let renamed = false;
      for (const task of tasks) {
        const source = this.sources.get(task.ID);
        if (!source) continue;
        const name = `${this.serviceName}.${task.Slot ?? task.NodeID}.${task.ID.slice(0, 12)}@${hostnames.get(task.NodeID ?? '') ?? task.NodeID}`;
        if (source.name !== name) {
          source.name = name;
          renamed = true;
        }
      }
      if (renamed && !this.disposed) this.announce();
    } catch {
      // Names stay short; the lines are what matter.
    } finally {
      this.namesPending = false;
    }
  }

  private finish(error?: unknown): void {
    if (this.disposed) return;
    this.batcher.flush();
    this.output.end(error);
  }
}
