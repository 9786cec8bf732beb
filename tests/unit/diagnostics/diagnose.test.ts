import { describe, expect, it } from 'vitest';
import {
  diagnose,
  factsFromInspect,
  formatMemory,
  restartBackoffMs,
  type DiagnoseInput,
} from '../../../src/main/services/diagnostics/diagnose';
import { inspectFixture } from './inspect-fixture';

function diagnosisOf(name: string, overrides: Partial<DiagnoseInput> = {}) {
  const facts = factsFromInspect(inspectFixture(name));
  return diagnose({
    facts,
    restartsInWindow: 0,
    killSignals: [],
    lastLogLines: ['last line'],
    now: Date.UTC(2026, 11, 4, 20, 41),
    ...overrides,
  });
}

describe('diagnose (recorded inspects)', () => {
  it('says OOM-killed at the memory limit', () => {
    const d = diagnosisOf('oom');
    expect(d).toMatchObject({ severity: 'failed', reason: 'oom-killed', exitCode: 137, memoryLimitBytes: 8 * 2 ** 20 });
    expect(d.label).toBe('exited (137) · OOM-killed');
    expect(d.sentence).toContain('OOM-killed at 8.0 MiB limit');
    expect(d.fix).toMatch(/mem_limit/);
    expect(d.lastLogLines).toEqual(['last line']);
  });

  it('recognises a crash loop from the restart count while Docker waits, with its back-off', () => {
    const d = diagnosisOf('loop');
    expect(d).toMatchObject({ severity: 'warning', reason: 'crash-loop', exitCode: 3 });
    expect(d.label).toBe('crash loop · 7 restarts · last exit 3');
    // 7 restarts of short runs: Docker waits 0.1 s × 2⁶ before the next.
    expect(d.crashLoop).toMatchObject({ restarts: 7, windowMs: null, backoffMs: 6_400 });
    expect(d.crashLoop!.nextRestartAt).toBe(Date.parse('2026-12-04T20:40:08.405Z') + 6_400);
  });

  it('counts restarts Berth saw within the window when it saw them', () => {
    const d = diagnosisOf('loop', { restartsInWindow: 9 });
    expect(d.crashLoop).toMatchObject({ restarts: 9, windowMs: 5 * 60_000 });
  });

  it('shows the healthcheck output of an unhealthy container', () => {
    const d = diagnosisOf('sick');
    expect(d).toMatchObject({ severity: 'failed', reason: 'unhealthy' });
    expect(d.label).toBe('running · unhealthy: FATAL: database features does not exist');
    expect(d.health!.lastRuns.at(-1)).toMatchObject({ exitCode: 1, output: 'FATAL: database features does not exist' });
    expect(d.health!.lastRuns.length).toBeLessThanOrEqual(3);
  });

  it('tells a port clash at start, naming the port and who holds it', () => {
    const d = diagnosisOf('port', { portHolder: 'h5ins-holder' });
    expect(d).toMatchObject({ severity: 'failed', reason: 'start-failed' });
    expect(d.label).toBe('created · start failed: port 18767 in use');
    expect(d.sentence).toContain('Port 18767 on 127.0.0.1 is already in use by container h5ins-holder');
    expect(d.fix).toContain('`ports:` of api');
    expect(d.engineError!.details).toContain('port is already allocated');
  });

  it('calls exit 0 completed, 139 a segfault, and a stop that timed out stopped', () => {
    expect(diagnosisOf('done')).toMatchObject({
      severity: 'completed',
      reason: 'completed',
      label: 'exited (0) · completed',
    });
    expect(diagnosisOf('seg')).toMatchObject({
      severity: 'failed',
      reason: 'signal',
      label: 'exited (139) · segmentation fault',
    });
    const stopped = diagnosisOf('stop', { killSignals: ['15', '9'] });
    expect(stopped).toMatchObject({ severity: 'completed', reason: 'stopped' });
    expect(stopped.sentence).toContain('ignored the stop signal');
    // Without the events, a SIGKILL is reported as such, not as a failure of its own.
    expect(diagnosisOf('stop')).toMatchObject({ severity: 'warning', reason: 'killed' });
  });

  it('keeps log lines only for failures', () => {
    expect(diagnosisOf('done').lastLogLines).toEqual([]);
    expect(diagnosisOf('seg').lastLogLines).toEqual(['last line']);
  });
});

describe('diagnosis helpers', () => {
  it('formats memory limits like "2.0 GiB"', () => {
    expect(formatMemory(2 * 2 ** 30)).toBe('2.0 GiB');
    expect(formatMemory(512 * 2 ** 20)).toBe('512 MiB');
  });

  it("follows Docker's back-off: doubling from 100 ms, capped at a minute, reset after a 10 s run", () => {
    const facts = factsFromInspect(inspectFixture('loop'));
    expect(restartBackoffMs({ ...facts, restartCount: 1 })).toBe(100);
    expect(restartBackoffMs({ ...facts, restartCount: 20 })).toBe(60_000);
    expect(restartBackoffMs({ ...facts, startedAt: 0, finishedAt: 20_000 })).toBe(100);
  });
});
