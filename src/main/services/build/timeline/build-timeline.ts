/**
 * Folds BuildKit's status updates into a per-step timeline and reports it as compose progress events: a step when
 * it starts, progresses or ends (numbered in the order steps start, like `docker compose build`), its output line by
 * line, and warnings. A failed step carries its error, its last output lines and its Dockerfile line. Every text
 * passes through the secret redactor first.
 */
import type { BuildStep, BuildStepSource, ComposeProgressEvent } from '@shared/schemas/compose-progress';
import type { StatusUpdate, VertexLogUpdate, VertexStatusUpdate, VertexUpdate } from '../buildkit/status-decoder';
import type { SecretRedactor } from '../secret-redactor';
import { instructionOfStep, type DockerfileStage } from './dockerfile-steps';

export interface TimelineTarget {
  service: string;
  image: string;
  emit: (event: ComposeProgressEvent) => void;
  redactor: SecretRedactor;
}

/** The Dockerfile's stages and how to name it, to point steps at their lines. */
export interface TimelineDockerfile {
  file: string;
  stages: DockerfileStage[];
}

/** Lines a failed step keeps to show what it printed last. */
const LAST_LINES = 12;

interface StepRecord {
  digest: string;
  number: number | null;
  name: string;
  cached: boolean;
  startedMs?: number;
  completedMs?: number;
  error?: string;
  statuses: Map<string, VertexStatusUpdate>;
  lastLines: string[];
  partial: Map<number, string>;
  source?: BuildStepSource;
  lastEmitted?: string;
}

export class BuildTimeline {
  private readonly records = new Map<string, StepRecord>();
  private nextNumber = 1;
  private dockerfile: TimelineDockerfile | undefined;

  constructor(private readonly target: TimelineTarget) {}

  /**
   * The next build of this timeline (an additional context's, then the service's) starts: its steps are new ones,
   * numbered on, even where BuildKit gives them the same digest (`exporting to image`).
   */
  nextBuild(): void {
    this.records.clear();
  }

  /** Steps seen from now on are matched to this Dockerfile's lines. */
  useDockerfile(dockerfile: TimelineDockerfile): void {
    this.dockerfile = dockerfile;
  }

  apply(update: StatusUpdate): void {
    const touched = new Set<StepRecord>();
    for (const vertex of update.vertexes) touched.add(this.applyVertex(vertex));
    for (const status of update.statuses) {
      const record = this.records.get(status.vertex);
      if (!record) continue;
      record.statuses.set(status.id, status);
      touched.add(record);
    }
    for (const log of update.logs) this.applyLog(log);
    for (const record of touched) this.report(record);
    for (const warning of update.warnings) {
      const record = this.records.get(warning.vertex);
      this.target.emit({
        kind: 'build-warning',
        service: this.target.service,
        image: this.target.image,
        message: this.target.redactor.redact(warning.message),
        ...(record?.number ? { step: record.number } : {}),
        ...(warning.line && this.dockerfile
          ? { source: { file: warning.file ?? this.dockerfile.file, line: warning.line, instruction: '' } }
          : {}),
      });
    }
  }

  /** The step that failed, if one did: its number, name, error, Dockerfile line and last output. */
  failedStep(): BuildStep | undefined {
    for (const record of this.records.values()) {
      if (record.error && record.number !== null) return this.stepOf(record);
    }
    return undefined;
  }

  /** Steps seen so far, in their order. */
  steps(): BuildStep[] {
    return [...this.records.values()]
      .filter((record) => record.number !== null)
      .sort((a, b) => a.number! - b.number!)
      .map((record) => this.stepOf(record));
  }

  private applyVertex(vertex: VertexUpdate): StepRecord {
    let record = this.records.get(vertex.digest);
    if (!record) {
      record = {
        digest: vertex.digest,
        number: null,
        name: vertex.name,
        cached: false,
        statuses: new Map(),
        lastLines: [],
        partial: new Map(),
      };
      const instruction = this.dockerfile && instructionOfStep(this.dockerfile.stages, vertex.name);
      if (instruction)
        record.source = { file: this.dockerfile!.file, line: instruction.line, instruction: instruction.text };
      this.records.set(vertex.digest, record);
    }
    record.name = vertex.name || record.name;
    record.cached = vertex.cached;
    // A vertex can run again (a context loaded twice): a new start without completion means running again.
    if (vertex.startedMs !== undefined) record.startedMs = vertex.startedMs;
    record.completedMs = vertex.completedMs;
    if (vertex.error) record.error = vertex.error;
    if (record.number === null && (vertex.startedMs !== undefined || vertex.cached || vertex.completedMs)) {
      record.number = this.nextNumber++;
    }
    if (record.completedMs !== undefined) this.flushPartial(record);
    return record;
  }

  private applyLog(log: VertexLogUpdate): void {
    const record = this.records.get(log.vertex);
    if (!record) return;
    const text = (record.partial.get(log.stream) ?? '') + log.data.toString('utf8');
    const parts = text.split(/\r?\n/);
    record.partial.set(log.stream, parts.pop() ?? '');
    this.emitLines(record, log.stream, parts, log.timestampMs);
  }

  private flushPartial(record: StepRecord): void {
    for (const [stream, rest] of record.partial) if (rest) this.emitLines(record, stream, [rest], record.completedMs);
    record.partial.clear();
  }

  private emitLines(record: StepRecord, stream: number, raw: string[], atMs: number | undefined): void {
    if (raw.length === 0 || record.number === null) return;
    // A progress bar redraws with \r: keep what it ended on.
    const lines = raw.map((line) => this.target.redactor.redact(line.split('\r').at(-1) ?? ''));
    record.lastLines.push(...lines);
    record.lastLines.splice(0, Math.max(0, record.lastLines.length - LAST_LINES));
    this.target.emit({
      kind: 'build-output',
      service: this.target.service,
      image: this.target.image,
      step: record.number,
      stream: stream === 2 ? 'stderr' : 'stdout',
      elapsedMs: Math.max(0, (atMs ?? Date.now()) - (record.startedMs ?? atMs ?? Date.now())),
      lines,
    });
  }

  private report(record: StepRecord): void {
    if (record.number === null) return;
    const step = this.stepOf(record);
    // Progress ticks that change nothing shown (same state, same status text) are not worth an event.
    const key = `${step.state}|${step.status ?? ''}|${step.transferredBytes ?? ''}|${step.error ?? ''}`;
    if (key === record.lastEmitted) return;
    record.lastEmitted = key;
    this.target.emit({ kind: 'build-step', service: this.target.service, image: this.target.image, step });
  }

  private stepOf(record: StepRecord): BuildStep {
    const state: BuildStep['state'] = record.error
      ? 'error'
      : record.cached
        ? 'cached'
        : record.completedMs !== undefined
          ? 'done'
          : 'running';
    const end = record.completedMs ?? (state === 'running' ? Date.now() : undefined);
    const transferred = [...record.statuses.values()].reduce((sum, status) => sum + status.current, 0);
    const latest = [...record.statuses.values()].at(-1);
    const redact = (text: string) => this.target.redactor.redact(text);
    return {
      number: record.number!,
      name: redact(record.name),
      state,
      ...(record.startedMs !== undefined && end !== undefined
        ? { durationMs: Math.max(0, end - record.startedMs) }
        : {}),
      ...(transferred > 0 ? { transferredBytes: transferred } : {}),
      ...(latest ? { status: redact(statusText(latest)) } : {}),
      ...(record.error ? { error: redact(record.error), lastOutput: [...record.lastLines] } : {}),
      ...(record.source ? { source: { ...record.source, instruction: redact(record.source.instruction) } } : {}),
    };
  }
}

/** `transferring context: 2.1MB done`, `exporting layers done`, `extracting sha256:12ab… 10.5MB / 20.1MB`. */
function statusText(status: VertexStatusUpdate): string {
  const name =
    status.id.startsWith('sha256:') && status.name ? `${status.name} ${status.id}` : status.id || status.name;
  const amount =
    status.total > 0
      ? ` ${formatBytes(status.current)} / ${formatBytes(status.total)}`
      : status.current > 0
        ? ` ${formatBytes(status.current)}`
        : '';
  return `${name}${amount}${status.completedMs !== undefined ? ' done' : ''}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes}B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)}${units[unit]}`;
}
