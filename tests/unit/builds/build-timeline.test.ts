import { describe, expect, it } from 'vitest';
import type { BuildStep, ComposeProgressEvent } from '@shared/schemas/compose-progress';
import {
  isBuildEvent,
  STEP_OUTPUT_LINES,
  stepTiming,
  timelineSummary,
  withBuildEvent,
  type BuildTimeline,
} from '../../../src/renderer/src/stores/build-timeline';
import { startedOperation, withProgress } from '../../../src/renderer/src/stores/operation-progress';

const image = 'demo-trainer';

function fold(events: ComposeProgressEvent[]): BuildTimeline | undefined {
  let timeline: BuildTimeline | undefined;
  for (const event of events) if (isBuildEvent(event)) timeline = withBuildEvent(timeline, event);
  return timeline;
}

function step(number: number, state: BuildStep['state'], extra: Partial<BuildStep> = {}): ComposeProgressEvent {
  return {
    kind: 'build-step',
    service: 'trainer',
    image,
    step: { number, name: `[base ${number}/3] RUN x`, state, ...extra },
  };
}

describe('a service build timeline', () => {
  it('keeps one row per step number, in order, the latest state winning', () => {
    const timeline = fold([
      { kind: 'building', service: 'trainer', image, builder: 'buildkit' },
      step(2, 'running'),
      step(1, 'cached'),
      step(2, 'done', { durationMs: 2300 }),
      { kind: 'built', service: 'trainer', image },
    ])!;
    expect(timeline.steps.map((s) => [s.number, s.state])).toEqual([
      [1, 'cached'],
      [2, 'done'],
    ]);
    expect(timeline.status).toBe('built');
    expect(timeline.builder).toBe('buildkit');
    expect(timelineSummary(timeline)).toBe('2 steps · 1 cached · 2.3s');
  });

  it('marks the build failed when a step fails, with the output it printed', () => {
    const timeline = fold([
      step(3, 'running'),
      { kind: 'build-output', service: 'trainer', image, step: 3, stream: 'stderr', elapsedMs: 10, lines: ['oops'] },
      step(3, 'error', { error: 'exit code: 1', source: { file: 'Dockerfile', line: 4, instruction: 'RUN false' } }),
    ])!;
    expect(timeline.status).toBe('failed');
    expect(timeline.output[3]).toEqual(['oops']);
    expect(timeline.steps[0]?.source?.line).toBe(4);
  });

  it('bounds what it keeps of a chatty step', () => {
    const lines = Array.from({ length: STEP_OUTPUT_LINES + 50 }, (_, i) => `line ${i}`);
    const timeline = fold([
      { kind: 'build-output', service: 'trainer', image, step: 1, stream: 'stdout', elapsedMs: 1, lines },
    ])!;
    expect(timeline.output[1]).toHaveLength(STEP_OUTPUT_LINES);
    expect(timeline.output[1]?.at(-1)).toBe(`line ${STEP_OUTPUT_LINES + 49}`);
  });

  it('keeps the classic builder’s lines and the warnings', () => {
    const timeline = fold([
      { kind: 'building', service: 'trainer', image, builder: 'classic', line: 'Step 1/2 : FROM base' },
      { kind: 'build-warning', service: 'trainer', image, message: 'secret passed as ARG' },
    ])!;
    expect(timeline.lines).toEqual(['Step 1/2 : FROM base']);
    expect(timeline.warnings).toEqual(['secret passed as ARG']);
  });

  it('prints timings as BuildKit does', () => {
    expect(stepTiming({ number: 1, name: 'x', state: 'cached' })).toBe('CACHED');
    expect(stepTiming({ number: 1, name: 'x', state: 'done', durationMs: 41_234 })).toBe('41.2s');
    expect(stepTiming({ number: 1, name: 'x', state: 'running' })).toBe('');
    expect(isBuildEvent({ kind: 'running', service: 'trainer' })).toBe(false);
  });
});

describe('an operation that builds', () => {
  it('keeps each service timeline and shows the card "building" while steps run', () => {
    const events: ComposeProgressEvent[] = [
      { kind: 'building', service: 'trainer', image, builder: 'buildkit' },
      step(1, 'running'),
      { kind: 'build-output', service: 'trainer', image, step: 1, stream: 'stdout', elapsedMs: 5, lines: ['pip'] },
    ];
    const state = events.reduce(withProgress, startedOperation('up', []));
    expect(state.progress.trainer?.phase).toBe('building');
    expect(state.builds.trainer?.steps).toHaveLength(1);
    expect(state.builds.trainer?.output[1]).toEqual(['pip']);
    const built = withProgress(state, { kind: 'built', service: 'trainer', image });
    expect(built.progress.trainer?.phase).toBe('built');
    expect(built.builds.trainer?.status).toBe('built');
  });
});
