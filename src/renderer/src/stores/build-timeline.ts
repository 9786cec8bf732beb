import type { BuildStep, ComposeProgressEvent } from '@shared/schemas/compose-progress';

/** Lines of output kept per step: enough to read a failure, bounded so a chatty `RUN` can't grow the store. */
export const STEP_OUTPUT_LINES = 200;

/** One service's build as the app shows it: its steps in order, what each printed, the build's warnings. */
export interface BuildTimeline {
  image: string;
  builder: 'buildkit' | 'classic' | null;
  /** By step number, ascending. */
  steps: BuildStep[];
  output: Record<number, string[]>;
  warnings: string[];
  /** The classic builder's lines (it has no steps). */
  lines: string[];
  status: 'building' | 'built' | 'failed';
}

type BuildEvent = Extract<
  ComposeProgressEvent,
  { kind: 'building' | 'build-step' | 'build-output' | 'build-warning' | 'built' }
>;

export function isBuildEvent(event: ComposeProgressEvent): event is BuildEvent {
  return (
    event.kind === 'building' ||
    event.kind === 'build-step' ||
    event.kind === 'build-output' ||
    event.kind === 'build-warning' ||
    event.kind === 'built'
  );
}

function emptyTimeline(image: string): BuildTimeline {
  return { image, builder: null, steps: [], output: {}, warnings: [], lines: [], status: 'building' };
}

function lastLines(lines: string[], more: string[]): string[] {
  const joined = lines.concat(more);
  return joined.length > STEP_OUTPUT_LINES ? joined.slice(joined.length - STEP_OUTPUT_LINES) : joined;
}

function withStep(steps: BuildStep[], step: BuildStep): BuildStep[] {
  const others = steps.filter((candidate) => candidate.number !== step.number);
  return [...others, step].sort((a, b) => a.number - b.number);
}

/** Folds one build event into a service's timeline (pure: the store and its tests use it). */
export function withBuildEvent(timeline: BuildTimeline | undefined, event: BuildEvent): BuildTimeline {
  const current = timeline ?? emptyTimeline(event.image);
  switch (event.kind) {
    case 'building':
      return {
        ...current,
        status: 'building',
        builder: event.builder ?? current.builder,
        lines: event.line ? lastLines(current.lines, [event.line]) : current.lines,
      };
    case 'build-step': {
      const failed = event.step.state === 'error';
      return { ...current, steps: withStep(current.steps, event.step), status: failed ? 'failed' : current.status };
    }
    case 'build-output':
      return {
        ...current,
        output: { ...current.output, [event.step]: lastLines(current.output[event.step] ?? [], event.lines) },
      };
    case 'build-warning':
      return { ...current, warnings: [...current.warnings, event.message] };
    case 'built':
      return { ...current, status: 'built' };
  }
}

/** A step's timing as BuildKit prints it: `CACHED`, `2.3s`, or nothing while it has no duration. */
export function stepTiming(step: BuildStep): string {
  if (step.state === 'cached') return 'CACHED';
  if (step.durationMs === undefined) return '';
  return `${(step.durationMs / 1000).toFixed(1)}s`;
}

/** "12 steps · 9 cached · 41.2s" for a timeline's summary row. */
export function timelineSummary(timeline: BuildTimeline): string {
  const cached = timeline.steps.filter((step) => step.state === 'cached').length;
  const total = timeline.steps.reduce((sum, step) => sum + (step.durationMs ?? 0), 0);
  const parts = [`${timeline.steps.length} ${timeline.steps.length === 1 ? 'step' : 'steps'}`];
  if (cached > 0) parts.push(`${cached} cached`);
  if (total > 0) parts.push(`${(total / 1000).toFixed(1)}s`);
  return parts.join(' · ');
}
