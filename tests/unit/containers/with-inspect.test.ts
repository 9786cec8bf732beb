import { describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { toContainerSummary } from '../../../src/main/services/containers/container-summary';
import { withInspect } from '../../../src/main/services/diagnostics/container-inspector';
import { diagnose, factsFromInspect } from '../../../src/main/services/diagnostics/diagnose';
import { inspectFixture } from '../diagnostics/inspect-fixture';

/** The list entry the engine gave for the OOM-killed container, next to its recorded inspect. */
const listed = {
  Id: 'c0ffee',
  Names: ['/h5ins-oom'],
  Image: 'berth-test-busybox:latest',
  State: 'exited',
  Status: 'Exited (137) 2 minutes ago',
  Created: 1_796_416_000,
  Ports: [],
  Labels: { 'com.docker.compose.project': 'h5ins', 'com.docker.compose.service': 'trainer' },
} as unknown as Docker.ContainerInfo;

describe('ContainerSummary with inspect', () => {
  it('carries run times, exit code, OOM, restarts and the diagnosis', () => {
    const facts = factsFromInspect(inspectFixture('oom'));
    const diagnosis = diagnose({ facts, restartsInWindow: 0, killSignals: [], lastLogLines: [], now: Date.now() });
    const summary = withInspect(toContainerSummary(listed), { facts, diagnosis });
    expect(summary).toMatchObject({
      state: 'exited',
      exitCode: 137,
      oomKilled: true,
      restartCount: 0,
      startedAt: facts.startedAt,
      finishedAt: facts.finishedAt,
    });
    expect(summary.diagnosis?.label).toBe('exited (137) · OOM-killed');
  });

  it('takes the state from inspect: a crash-looping container reads "restarting", not the list snapshot', () => {
    const facts = factsFromInspect(inspectFixture('loop'));
    const diagnosis = diagnose({ facts, restartsInWindow: 0, killSignals: [], lastLogLines: [], now: Date.now() });
    const summary = withInspect(toContainerSummary({ ...listed, State: 'running', Status: 'Up 1 second' }), {
      facts,
      diagnosis,
    });
    expect(summary.state).toBe('restarting');
    expect(summary.restartCount).toBe(7);
  });

  it('says it has no diagnosis when inspect found nothing', () => {
    expect(withInspect(toContainerSummary(listed), null).diagnosis).toBeNull();
  });
});
