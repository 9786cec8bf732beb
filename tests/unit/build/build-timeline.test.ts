/** The timeline of a real BuildKit build (recorded from dockerd 20.10's /build stream): steps, output, the failure. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';
import { ComposeProgressEventSchema } from '@shared/schemas/compose-progress';
import { decodeStatus } from '../../../src/main/services/build/buildkit/status-decoder';
import { SecretRedactor } from '../../../src/main/services/build/secret-redactor';
import { BuildTimeline } from '../../../src/main/services/build/timeline/build-timeline';
import { parseDockerfile } from '../../../src/main/services/build/timeline/dockerfile-steps';

const FIXTURES = join(__dirname, 'fixtures');
const trace = readFileSync(join(FIXTURES, 'failed-build.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { id?: string; aux?: string; error?: string });

function replay(redactor = new SecretRedactor()): { timeline: BuildTimeline; events: ComposeProgressEvent[] } {
  const events: ComposeProgressEvent[] = [];
  const timeline = new BuildTimeline({
    service: 'app',
    image: 'demo-app',
    emit: (event) => events.push(event),
    redactor,
  });
  timeline.useDockerfile({
    file: 'Dockerfile',
    stages: parseDockerfile(readFileSync(join(FIXTURES, 'failed-build.Dockerfile'), 'utf8')),
  });
  for (const message of trace) if (message.id === 'moby.buildkit.trace') timeline.apply(decodeStatus(message.aux!));
  return { timeline, events };
}

describe('build timeline', () => {
  it('numbers steps in the order they start, with their state, duration and Dockerfile line', () => {
    const { timeline, events } = replay();
    for (const event of events) expect(ComposeProgressEventSchema.safeParse(event).success).toBe(true);
    const steps = timeline.steps();
    expect(steps.map((step) => step.number)).toEqual(steps.map((_, index) => index + 1));
    const run = steps.find((step) => step.name.startsWith('[base 2/2] RUN'));
    expect(run).toMatchObject({ state: 'done', source: { file: 'Dockerfile', line: 2 } });
    expect(run!.durationMs).toBeGreaterThan(0);
    const copy = steps.find((step) => step.name.startsWith('[final 1/2] COPY'));
    expect(copy?.source?.line).toBe(4);
    const context = steps.find((step) => step.name === '[internal] load build context');
    expect(context?.transferredBytes).toBeGreaterThan(0);
    expect(context?.status).toMatch(/^transferring context: \d+B done$/);
  });

  it('gives the failed step its command, error, last output lines (stdout and stderr) and Dockerfile line', () => {
    const { timeline, events } = replay();
    const failed = timeline.failedStep();
    expect(failed).toMatchObject({
      state: 'error',
      name: expect.stringContaining('[final 2/2] RUN echo "line one"'),
      error: expect.stringContaining('exit code: 5'),
      source: { file: 'Dockerfile', line: 5, instruction: expect.stringContaining("printf 'partial' && exit 5") },
    });
    expect(failed!.lastOutput).toEqual(['line one', 'warn on stderr', 'partial']);
    const output = events.filter((event) => event.kind === 'build-output');
    expect(output.some((event) => event.stream === 'stderr' && event.lines.includes('warn on stderr'))).toBe(true);
  });

  it('masks secret values the session served wherever they show up', () => {
    const redactor = new SecretRedactor();
    redactor.add('line one');
    const { timeline, events } = replay(redactor);
    expect(JSON.stringify(events)).not.toContain('line one');
    expect(timeline.failedStep()!.lastOutput![0]).toBe('****');
  });

  it('counts the cached steps as cached', () => {
    const { timeline } = replay();
    expect(
      timeline.steps().find((step) => step.name.includes('FROM docker.io/library/berth-test-busybox'))?.state,
    ).toBe('cached');
  });
});
