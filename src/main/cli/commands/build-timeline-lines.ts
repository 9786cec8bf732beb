/**
 * How `berth build`/`up` print a BuildKit build, as `docker compose build --progress=plain` does: `#N [service stage
 * k/n] RUN …` when a step starts, `#N 0.512 output` for what it prints, `#N DONE 1.2s` / `#N CACHED` / `#N ERROR: …`
 * when it ends; a failed step gets a block with its last output and its Dockerfile line. On a terminal, one live row
 * per image says which step runs now.
 */
import type { BuildStep, ComposeProgressEvent } from '@shared/schemas/compose-progress';

type BuildStepEvent = Extract<ComposeProgressEvent, { kind: 'build-step' }>;
type BuildOutputEvent = Extract<ComposeProgressEvent, { kind: 'build-output' }>;

/** `[2/3] RUN x` → `[app 2/3] RUN x`; `exporting to image` → `[app] exporting to image`. */
export function stepTitle(service: string, name: string): string {
  return name.startsWith('[') ? `[${service} ${name.slice(1)}` : `[${service}] ${name}`;
}

function seconds(ms: number | undefined): string {
  return `${((ms ?? 0) / 1000).toFixed(1)}s`;
}

/** Plain lines for build events, remembering per image which steps and statuses were printed. */
export class PlainBuildLines {
  private readonly printed = new Map<string, { header: boolean; status?: string; ended: boolean }>();

  step(event: BuildStepEvent): { out: string[]; err: string[] } {
    const { step } = event;
    const key = `${event.image}#${step.number}`;
    const seen = this.printed.get(key) ?? { header: false, ended: false };
    this.printed.set(key, seen);
    const out: string[] = [];
    if (!seen.header) {
      seen.header = true;
      out.push('', `#${step.number} ${stepTitle(event.service, step.name)}`);
    }
    if (step.status && step.status !== seen.status && step.status.endsWith(' done')) {
      seen.status = step.status;
      out.push(`#${step.number} ${step.status}`);
    }
    if (seen.ended || step.state === 'running') return { out, err: [] };
    seen.ended = true;
    if (step.state === 'cached') out.push(`#${step.number} CACHED`);
    else if (step.state === 'done') out.push(`#${step.number} DONE ${seconds(step.durationMs)}`);
    else {
      out.push(`#${step.number} ERROR: ${step.error ?? 'failed'}`);
      return { out, err: failureBlock(event.service, step) };
    }
    return { out, err: [] };
  }

  output(event: BuildOutputEvent): string[] {
    const at = (event.elapsedMs / 1000).toFixed(3);
    return event.lines.map((line) => `#${event.step} ${at} ${line}`);
  }
}

/** What a failed step ran, what it printed last and where it is in the Dockerfile. */
export function failureBlock(service: string, step: BuildStep): string[] {
  const lines = ['------', ` > ${stepTitle(service, step.name)}:`];
  for (const line of step.lastOutput ?? []) lines.push(`   ${line}`);
  lines.push('------');
  if (step.source)
    lines.push(`${step.source.file}:${step.source.line}`, `  ${step.source.line} | >>> ${step.source.instruction}`);
  return lines;
}

/** The live row of an image being built: the step running now and its last output line. */
export class LiveBuildRow {
  private readonly current = new Map<string, { step: BuildStep; line?: string; finished: Set<number> }>();

  step(event: BuildStepEvent): string {
    const entry = this.current.get(event.image) ?? { step: event.step, finished: new Set<number>() };
    if (event.step.state !== 'running') entry.finished.add(event.step.number);
    if (event.step.state === 'running' || event.step.number >= entry.step.number) {
      if (entry.step.number !== event.step.number) entry.line = undefined;
      entry.step = event.step;
    }
    this.current.set(event.image, entry);
    return this.text(event.service, event.image);
  }

  output(event: BuildOutputEvent): string | null {
    const entry = this.current.get(event.image);
    if (!entry) return null;
    entry.line = event.lines.at(-1) ?? entry.line;
    return this.text(event.service, event.image);
  }

  private text(service: string, image: string): string {
    const { step, line, finished } = this.current.get(image)!;
    const state = step.state === 'running' ? seconds(step.durationMs) : step.state.toUpperCase();
    const tail = line ? `  │ ${line.slice(0, 60)}` : '';
    return ` ${service} Building ${image}  ${finished.size} done  #${step.number} ${step.name.slice(0, 60)} ${state}${tail}`;
  }
}
