import { homedir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerSummary } from '@shared/schemas/containers';
import type { EngineEvent } from '@shared/schemas/engine';
import type { LogsMessage } from '@shared/schemas/logs';
import { findContainer, listContainers } from '../../../src/main/services/containers/containers-service';
import { DiagnosticsNotifier, type Notice } from '../../../src/main/services/diagnostics/notifier';
import { explainEngineErrorOn } from '../../../src/main/services/diagnostics/port-holder';
import { EngineConnection } from '../../../src/main/services/docker/engine-connection';
import { createLogsSource } from '../../../src/main/services/logs/logs-source';
import { requireEngine } from '../../support/require-engine';
import { runBerth } from '../../support/spawn-berth';
import { createTestContainer, removeProject, spawnBerth, uniqueProject, waitFor } from './test-containers';

const engine = await requireEngine();
/** Docker restarts after 0.1, 0.2, 0.4 s…: three restarts take under a second, so a loop shows within this. */
const CRASH_LOOP_DETECTED_WITHIN_MS = 15_000;

describe.skipIf(!engine.available)('why a container stopped', () => {
  const project = uniqueProject('diag');
  const port = 20_000 + (process.pid % 20_000);
  const connection = new EngineConnection({ env: process.env, homeDir: homedir() });
  const notices: Notice[] = [];
  let notifier: DiagnosticsNotifier;
  /** Every container event seen, so lookups get the event as the events stream passes it. */
  const events: EngineEvent[] = [];

  beforeAll(async () => {
    await connection.start();
    connection.onEvent((event) => events.push(event));
    notifier = new DiagnosticsNotifier(connection, { onNotice: (notice) => notices.push(notice) });
    notifier.watchProjects([project]);
  });

  afterAll(async () => {
    notifier.dispose();
    await connection.stop();
    await removeProject(engine.docker, project);
  });

  /** Looks the container up after each of its events, as the events stream does, until `done` holds. */
  const summaryWhen = (name: string, done: (summary: ContainerSummary) => boolean, timeoutMs: number) =>
    waitFor(
      `${name} to be diagnosed`,
      async () => {
        const listed = (
          await engine.docker.listContainers({ all: true, filters: { name: [`${project}-${name}-1`] } })
        )[0];
        if (!listed) return undefined;
        const event = events.filter((e) => e.id === listed.Id).at(-1);
        const summary = await findContainer(engine.docker, listed.Id, event);
        return summary && done(summary) ? summary : undefined;
      },
      timeoutMs,
    );

  it('shows "OOM-killed at 8.0 MiB limit" for a container killed under mem_limit, exit 137, and notifies it', async () => {
    await createTestContainer(engine.docker, {
      project,
      service: 'trainer',
      memoryBytes: 8 * 2 ** 20,
      script: 'echo loading dataset into memory...; exec tail /dev/zero',
    });
    const summary = await summaryWhen('trainer', (s) => s.state === 'exited', 30_000);
    expect(summary).toMatchObject({ exitCode: 137, oomKilled: true, restartCount: 0 });
    expect(summary.finishedAt).toBeGreaterThan(summary.startedAt!);
    expect(summary.diagnosis).toMatchObject({
      severity: 'failed',
      reason: 'oom-killed',
      label: 'exited (137) · OOM-killed',
    });
    expect(summary.diagnosis!.sentence).toContain('OOM-killed at 8.0 MiB limit');
    expect(summary.diagnosis!.lastLogLines).toEqual(['loading dataset into memory...']);
    await waitFor(
      'the OOM notice',
      async () => (notices.some((n) => n.kind === 'oom-killed') ? true : undefined),
      10_000,
    );
    expect(notices.find((n) => n.kind === 'oom-killed')).toMatchObject({
      project,
      service: 'trainer',
      title: 'trainer was OOM-killed',
      body: 'Out of memory at its 8.0 MiB limit (exit 137).',
    });
  });

  it(`detects a crash loop within ${CRASH_LOOP_DETECTED_WITHIN_MS / 1000} s, with the back-off, and notifies it once`, async () => {
    const started = Date.now();
    await createTestContainer(engine.docker, {
      project,
      service: 'loop',
      restart: 'always',
      script: 'echo boom; exit 3',
    });
    const summary = await summaryWhen(
      'loop',
      (s) => s.diagnosis?.reason === 'crash-loop',
      CRASH_LOOP_DETECTED_WITHIN_MS,
    );
    expect(Date.now() - started).toBeLessThan(CRASH_LOOP_DETECTED_WITHIN_MS);
    expect(summary.restartCount).toBeGreaterThanOrEqual(3);
    expect(summary.diagnosis!.label).toMatch(/^crash loop · \d+ restarts · last exit 3$/);
    expect(summary.diagnosis!.crashLoop!.backoffMs).toBeGreaterThanOrEqual(100);
    expect(summary.diagnosis!.lastLogLines.at(-1)).toBe('boom');
    await waitFor(
      'the crash-loop notice',
      async () => (notices.some((n) => n.kind === 'crash-loop') ? true : undefined),
      10_000,
    );
    expect(notices.filter((n) => n.service === 'loop' && n.kind === 'crash-loop')).toHaveLength(1);
    expect(notices.filter((n) => n.service === 'loop' && n.kind === 'died').length).toBeLessThanOrEqual(1);
  });

  it('shows the output of a failing healthcheck', async () => {
    await createTestContainer(engine.docker, {
      project,
      service: 'db',
      script: 'sleep 600',
      healthcheck: { test: 'echo FATAL: database features does not exist; exit 1', intervalMs: 1_000, retries: 2 },
    });
    const summary = await summaryWhen('db', (s) => s.health === 'unhealthy', 30_000);
    expect(summary.diagnosis).toMatchObject({ severity: 'failed', reason: 'unhealthy' });
    expect(summary.diagnosis!.health!.lastRuns.at(-1)!.output).toBe('FATAL: database features does not exist');
    expect(summary.diagnosis!.label).toBe('running · unhealthy: FATAL: database features does not exist');
  });

  it('shows the port, the address and the container that holds it when a start fails on a port clash', async () => {
    await createTestContainer(engine.docker, { project, service: 'holder', script: 'sleep 600', hostPort: port });
    const clash = await createTestContainer(engine.docker, {
      project,
      service: 'api',
      script: 'sleep 600',
      hostPort: port,
      start: false,
    });
    const startError = await clash.start().then(
      () => null,
      (error: unknown) => error,
    );
    expect(startError).not.toBeNull();
    const text = await explainEngineErrorOn(engine.docker, startError, { service: 'api' });
    expect(text).toMatchObject({ kind: 'port-in-use', port: { hostIp: '127.0.0.1', port } });
    expect(text.message).toBe(`Port ${port} on 127.0.0.1 is already in use by container ${project}-holder-1.`);
    const summary = await summaryWhen('api', (s) => s.diagnosis?.reason === 'start-failed', 10_000);
    expect(summary.diagnosis!.label).toBe(`created · start failed: port ${port} in use`);
    expect(summary.diagnosis!.sentence).toContain(`container ${project}-holder-1`);
    const listed = await listContainers(engine.docker);
    expect(listed.find((c) => c.id === summary.id)?.diagnosis?.reason).toBe('start-failed');
  });

  it('berth ps shows the reason in STATUS and --json carries exit code, OOM, restarts, health and its output', async () => {
    const table = await runBerth(['ps', '-p', project], { exitWithinMs: 30_000 });
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    const row = (service: string) =>
      table.stdout.split('\n').find((line) => line.startsWith(`${project}-${service}-1 `))!;
    expect(row('trainer')).toMatch(/exited \(137\) · OOM-killed/);
    expect(row('loop')).toMatch(/crash loop · \d+ restarts · last exit 3/);
    expect(row('db')).toContain('running · unhealthy: FATAL: database features does not exist');
    expect(row('api')).toContain(`created · start failed: port ${port} in use`);

    const json = await runBerth(['ps', '-p', project, '-a', '--json'], { exitWithinMs: 30_000 });
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(rows.find((r) => r.service === 'trainer')).toMatchObject({
      exitCode: 137,
      oomKilled: true,
      restartCount: 0,
    });
    expect(rows.find((r) => r.service === 'db')).toMatchObject({
      health: 'unhealthy',
      healthOutput: 'FATAL: database features does not exist',
    });
    expect((rows.find((r) => r.service === 'loop')!.restartCount as number) >= 3).toBe(true);
  });

  it('berth logs ends an OOM-killed run with its marker, and -f marks exits and restarts as they happen', async () => {
    const history = await runBerth(['logs', '-p', project, 'trainer'], { exitWithinMs: 20_000 });
    expect(history.code).toBe(0);
    expect(history.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^trainer-1 {2}\| loading dataset into memory\.\.\.$/),
      expect.stringMatching(/^trainer-1 {2}\| ── exited 137 · OOM-killed at 8\.0 MiB limit · \d\d:\d\d:\d\d ──$/),
    ]);

    const followed = spawnBerth(['logs', '-p', project, '-f', '--tail', '0', 'loop']);
    // Following may begin between two runs (its first restart then has no exit above it): wait for a run seen to end.
    const exitThenRestart = /── exited 3 · \d\d:\d\d:\d\d ──\n(loop-1 {2}\| )?── restart \d+ \(previous exit 3\) · /;
    const text = await waitFor(
      'an exit marker followed by a restart marker',
      async () => (exitThenRestart.test(followed.stdout()) ? followed.stdout() : undefined),
      90_000,
    );
    const { code } = await followed.interrupt();
    expect(code).toBe(0);
    const lines = text.split('\n').map((line) => line.replace(/^loop-1 {2}\| /, ''));
    const exit = lines.findIndex((line, i) => /^── exited 3 · /.test(line) && /^── restart/.test(lines[i + 1] ?? ''));
    expect(lines[exit]).toMatch(/^── exited 3 · \d\d:\d\d:\d\d ──$/);
    expect(lines[exit + 1]).toMatch(/^── restart \d+ \(previous exit 3\) · \d\d:\d\d:\d\d ──$/);
    expect(lines[exit + 2]).toBe('boom');
  });

  it('the logs stream carries the markers as their own message kind', async () => {
    const source = createLogsSource(connection, {
      target: { kind: 'service', project, service: 'loop' },
      tail: 0,
      follow: true,
    });
    const messages: LogsMessage[] = [];
    source.start({ emit: (message) => messages.push(message), end: () => {} });
    try {
      await waitFor(
        'a marker message',
        async () => (messages.some((m) => m.type === 'marker') ? true : undefined),
        90_000,
      );
    } finally {
      source.dispose();
    }
    const marker = messages.find((m) => m.type === 'marker');
    expect(marker?.type === 'marker' && marker.marker).toMatchObject({ source: 0, exitCode: 3 });
  });
});
