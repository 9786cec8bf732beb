import { describe, expect, it } from 'vitest';
import type { ContainerSummary, Diagnosis } from '@shared/schemas/containers';
import { containerStatus, mainContainer } from '../../../src/renderer/src/status/container-status';
import { endedAgo, formatElapsed, uptimeOf } from '../../../src/renderer/src/status/elapsed';
import { projectSummary } from '../../../src/renderer/src/status/project-summary';

const NOW = Date.UTC(2026, 11, 4, 15, 0, 0);

function container(changes: Partial<ContainerSummary> = {}): ContainerSummary {
  return {
    id: 'c1',
    name: 'lab-app-1',
    image: 'busybox',
    state: 'running',
    status: 'Up 3 minutes',
    health: null,
    createdAt: NOW - 600_000,
    startedAt: NOW - 180_000,
    finishedAt: null,
    exitCode: null,
    oomKilled: false,
    restartCount: 0,
    ports: [],
    compose: { project: 'lab', service: 'app', containerNumber: 1, oneoff: false, workingDir: null, configFiles: [] },
    ...changes,
  };
}

const exited = (exitCode: number | null, changes: Partial<ContainerSummary> = {}) =>
  container({ state: 'exited', exitCode, status: `Exited (${exitCode})`, finishedAt: NOW - 120_000, ...changes });

describe('container status without a diagnosis (from exit code, OOM flag, restarts, health)', () => {
  it('tells failed from stopped from completed', () => {
    expect(containerStatus(exited(3), true, NOW)).toMatchObject({ kind: 'error-exit', tone: 'bad', label: 'failed' });
    expect(containerStatus(exited(0), true, NOW)).toMatchObject({ kind: 'completed', tone: 'idle' });
    expect(containerStatus(exited(143), true, NOW)).toMatchObject({ kind: 'stopped', tone: 'idle' });
    expect(containerStatus(exited(137, { oomKilled: true }), true, NOW)).toMatchObject({
      kind: 'oom-killed',
      tone: 'bad',
      detail: 'out of memory (exit 137)',
    });
  });

  it('calls a restarting container with restarts a crash loop, in amber', () => {
    const looping = container({ state: 'restarting', restartCount: 7, exitCode: 3 });
    expect(containerStatus(looping, true, NOW)).toMatchObject({
      kind: 'crash-loop',
      tone: 'warn',
      detail: '7 restarts, last exit 3',
    });
    // Up again a few seconds after its 7th restart: still the loop, not "running".
    const justUp = container({ restartCount: 7, startedAt: NOW - 5_000 });
    expect(containerStatus(justUp, true, NOW).kind).toBe('crash-loop');
    // Restarted long ago and running since: recovered.
    expect(containerStatus(container({ restartCount: 7 }), true, NOW)).toMatchObject({ kind: 'running', tone: 'ok' });
  });

  it('colours health: unhealthy red, starting amber, healthy green', () => {
    expect(containerStatus(container({ health: 'unhealthy' }), true, NOW).tone).toBe('bad');
    expect(containerStatus(container({ health: 'starting' }), true, NOW).tone).toBe('warn');
    expect(containerStatus(container({ health: 'healthy' }), true, NOW)).toMatchObject({ kind: 'healthy', tone: 'ok' });
  });

  it('knows nothing while the engine is unreachable', () => {
    expect(containerStatus(container(), false, NOW)).toMatchObject({
      kind: 'unknown',
      tone: 'unknown',
      label: 'unknown',
    });
  });
});

describe("container status with main's diagnosis", () => {
  const diagnosis: Diagnosis = {
    severity: 'failed',
    reason: 'oom-killed',
    label: 'exited (137) · OOM-killed',
    sentence: 'OOM-killed at 8.0 MiB: it needed more memory than its mem_limit.',
    fix: 'Raise mem_limit.',
    exitCode: 137,
    exitMeaning: 'killed (SIGKILL)',
    memoryLimitBytes: 8 * 1024 * 1024,
    crashLoop: null,
    health: null,
    engineError: null,
    lastLogLines: ['loading dataset into memory...'],
    since: NOW - 60_000,
  };

  it('takes its colour, sentence, fix and last lines', () => {
    const status = containerStatus(exited(137, { diagnosis }), true, NOW);
    expect(status).toMatchObject({
      kind: 'oom-killed',
      tone: 'bad',
      label: 'OOM-killed',
      columnLabel: 'exited (137) · OOM-killed',
      detail: diagnosis.sentence,
      fix: 'Raise mem_limit.',
      lastLines: ['loading dataset into memory...'],
    });
  });

  it('shows a start error the engine kept as an error with its raw text under details', () => {
    const status = containerStatus(
      container({
        state: 'created',
        diagnosis: {
          ...diagnosis,
          reason: 'start-failed',
          engineError: {
            message: 'Port 18765 is in use',
            fix: 'Change ports:',
            details: 'bind: address already in use',
          },
        },
      }),
      true,
      NOW,
    );
    expect(status.engineError).toEqual({
      code: 'E_ENGINE_ERROR',
      message: 'Port 18765 is in use',
      fix: 'Change ports:',
      details: 'bind: address already in use',
    });
    expect(status.label).toBe('failed to start');
  });

  it('says nothing more about a healthy running container than "healthy"', () => {
    const ok: Diagnosis = { ...diagnosis, severity: 'ok', reason: 'running', fix: null, lastLogLines: [] };
    expect(containerStatus(container({ health: 'healthy', diagnosis: ok }), true, NOW)).toMatchObject({
      kind: 'healthy',
      tone: 'ok',
      detail: null,
    });
  });
});

describe('uptime and end times', () => {
  it('are computed from the start and end times, at the precision a 15-second tick keeps true', () => {
    expect(formatElapsed(30_000)).toBe('less than a minute');
    expect(formatElapsed(3 * 60_000 + 59_000)).toBe('3 min');
    expect(formatElapsed(125 * 60_000)).toBe('2 h 5 min');
    expect(formatElapsed(26 * 3600_000)).toBe('1 day');
    expect(uptimeOf(container(), NOW)).toBe('3 min');
    // The same container 13 minutes later: the status text is frozen, the uptime is not.
    expect(uptimeOf(container(), NOW + 10 * 60_000)).toBe('13 min');
    expect(endedAgo(exited(1), NOW)).toBe('2 min ago');
    expect(uptimeOf(exited(1), NOW)).toBeNull();
  });
});

describe('project summary', () => {
  it('counts running and failed services and takes the worst colour', () => {
    const byService = new Map([
      ['api', [container()]],
      ['train', [exited(1)]],
      ['oom', [exited(137, { oomKilled: true })]],
      ['job', [exited(0)]],
    ]);
    expect(projectSummary(byService, true, 5, NOW)).toMatchObject({
      text: '1/5 running · 2 failed',
      tone: 'bad',
      running: 1,
      failed: 2,
    });
    expect(projectSummary(new Map([['api', [container()]]]), true, 1, NOW)).toMatchObject({
      text: '1/1 running',
      tone: 'ok',
    });
    expect(
      projectSummary(new Map([['w', [container({ state: 'restarting', restartCount: 4 })]]]), true, 1, NOW).tone,
    ).toBe('warn');
    expect(projectSummary(new Map(), true, 3, NOW)).toMatchObject({ text: 'not started', tone: 'idle' });
    expect(projectSummary(byService, false, 5, NOW)).toMatchObject({ text: 'state unknown', tone: 'unknown' });
  });

  it('speaks for a scaled service with its running container', () => {
    const older = exited(1, { id: 'a', createdAt: NOW - 1000 });
    const running = container({ id: 'b', createdAt: NOW - 5000 });
    expect(mainContainer([older, running])?.id).toBe('b');
    expect(mainContainer([exited(1, { id: 'x', createdAt: 1 }), exited(0, { id: 'y', createdAt: 2 })])?.id).toBe('y');
  });
});
