/**
 * Renders Compose progress events for `berth up/down/…`: on a terminal, a compact table redrawn in place (one row
 * per container, network, volume and pull); otherwise plain lines, one per change, as `docker compose` prints them.
 */
import type { Writable } from 'node:stream';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';
import { LiveBuildRow, PlainBuildLines } from './build-timeline-lines';

const LABELS: Partial<Record<ComposeProgressEvent['kind'], string>> = {
  creating: 'Creating',
  created: 'Created',
  starting: 'Starting',
  running: 'Started',
  'waiting-healthy': 'Waiting',
  healthy: 'Healthy',
  stopping: 'Stopping',
  stopped: 'Stopped',
  removing: 'Removing',
  removed: 'Removed',
  'up-to-date': 'Running',
  building: 'Building',
  built: 'Built',
  pulled: 'Pulled',
};

export class ComposeProgressPrinter {
  private readonly rows = new Map<string, string>();
  private drawnLines = 0;
  private readonly lastPullStep = new Map<string, number>();
  private readonly plainBuild = new PlainBuildLines();
  private readonly liveBuild = new LiveBuildRow();
  /** Error messages already shown against their service, so the command's final error isn't printed twice. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly out: Writable,
    private readonly err: Writable,
    private readonly live: boolean,
  ) {}

  readonly onProgress = (event: ComposeProgressEvent): void => {
    if (event.kind === 'warning') return this.message(`WARN ${event.message}`);
    if (event.kind === 'build-step' || event.kind === 'build-output' || event.kind === 'build-warning') {
      return this.onBuildTimeline(event);
    }
    const row = describe(event);
    if (!row) return;
    if (event.kind === 'error') {
      this.reported.add(event.message);
      this.message(`Error ${row.key}: ${event.message}`);
    }
    if (this.live) {
      this.rows.set(row.key, row.text);
      this.redraw();
    } else if (event.kind !== 'building' || !event.line) {
      if (event.kind === 'pulling' && !this.pullStepChanged(row.key, event.percent)) return;
      this.out.write(`${row.text}\n`);
    } else {
      this.out.write(` ${event.service}  ${event.line}\n`);
    }
  };

  /** True when `message` was already printed against a service (the caller then prints only the fix). */
  alreadyReported(message: string): boolean {
    for (const reported of this.reported) if (message.includes(reported)) return true;
    return false;
  }

  private onBuildTimeline(
    event: Extract<ComposeProgressEvent, { kind: 'build-step' | 'build-output' | 'build-warning' }>,
  ): void {
    if (event.kind === 'build-warning') return this.message(`WARN ${event.service}: ${event.message}`);
    if (this.live) {
      const text = event.kind === 'build-step' ? this.liveBuild.step(event) : this.liveBuild.output(event);
      if (event.kind === 'build-step' && event.step.state === 'error') {
        const { err } = this.plainBuild.step(event);
        for (const line of err) this.message(line);
      }
      if (text === null) return;
      this.rows.set(`Image ${event.image}`, text);
      return this.redraw();
    }
    if (event.kind === 'build-output') {
      for (const line of this.plainBuild.output(event)) this.out.write(`${line}\n`);
      return;
    }
    const { out, err } = this.plainBuild.step(event);
    for (const line of out) this.out.write(`${line}\n`);
    for (const line of err) this.err.write(`${line}\n`);
  }

  private pullStepChanged(key: string, percent: number): boolean {
    const step = Math.floor(percent / 25);
    if (this.lastPullStep.get(key) === step) return false;
    this.lastPullStep.set(key, step);
    return true;
  }

  private message(text: string): void {
    if (this.live && this.drawnLines > 0) {
      this.out.write(`\x1b[${this.drawnLines}A\x1b[0J`);
      this.drawnLines = 0;
    }
    this.err.write(`${text}\n`);
    if (this.live) this.redraw();
  }

  private redraw(): void {
    const lines = [...this.rows.values()];
    const up = this.drawnLines > 0 ? `\x1b[${this.drawnLines}A` : '';
    this.out.write(`${up}${lines.map((line) => `\x1b[2K${line}\n`).join('')}`);
    this.drawnLines = lines.length;
  }
}

function describe(event: ComposeProgressEvent): { key: string; text: string } | null {
  switch (event.kind) {
    case 'resource': {
      const noun = event.resource === 'network' ? 'Network' : 'Volume';
      const action = event.action.charAt(0).toUpperCase() + event.action.slice(1);
      return { key: `${noun} ${event.name}`, text: ` ${noun} ${event.name}  ${action}` };
    }
    case 'pulling': {
      const layers = event.layers.length
        ? ` (${event.layers.filter((l) => /complete|exists/i.test(l.status)).length}/${event.layers.length} layers)`
        : '';
      return {
        key: `Image ${event.image}`,
        text: ` ${event.service} Pulling ${event.image}  ${event.percent.toFixed(0)}%${layers}`,
      };
    }
    case 'pulled':
    case 'built':
      return { key: `Image ${event.image}`, text: ` ${event.service} ${LABELS[event.kind]} ${event.image}` };
    case 'building':
      return {
        key: `Image ${event.image}`,
        text: ` ${event.service} Building ${event.image}${event.line ? `  ${event.line.slice(0, 80)}` : ''}`,
      };
    case 'exited':
      return containerRow(event, `Exited (${event.exitCode})`);
    case 'error':
      return containerRow(event, 'Error');
    case 'warning':
      return null;
    default:
      return containerRow(event, LABELS[event.kind] ?? event.kind);
  }
}

function containerRow(event: { service: string; container?: string }, status: string): { key: string; text: string } {
  const name = event.container ?? event.service;
  return { key: `Container ${name}`, text: ` Container ${name}  ${status}` };
}
