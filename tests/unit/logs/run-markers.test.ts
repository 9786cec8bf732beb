import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '@shared/schemas/engine';
import type { LogMarker, LogSource } from '@shared/schemas/logs';
import { LogPrinter } from '../../../src/main/cli/commands/logs-printer';
import type { TargetContainer } from '../../../src/main/services/logs/log-targets';
import { MarkerInterleaver, runMarkersOf } from '../../../src/main/services/logs/past-run-markers';
import { exitMarker, restartMarker, timeFromNanos } from '../../../src/main/services/logs/run-markers';

process.env.TZ = 'UTC';

const at = (second: number) => `2026-12-04T15:03:${String(second).padStart(2, '0')}.000000000Z`;

describe('run markers', () => {
  it('turn an event time into the lines’ timestamp form', () => {
    expect(timeFromNanos(Date.parse('2026-12-04T15:03:12.250Z') * 1e6)).toBe('2026-12-04T15:03:12.250000000Z');
  });

  it('say how a run ended and how a new one began', () => {
    const oom = exitMarker(0, { time: at(12), exitCode: 137, oomKilled: true, memoryLimitBytes: 2 * 2 ** 30 });
    expect(oom.text).toBe('exited 137 · OOM-killed at 2.0 GiB limit · 15:03:12');
    expect(exitMarker(0, { time: at(12), exitCode: 139, oomKilled: false, memoryLimitBytes: null }).text).toBe(
      'exited 139 · segmentation fault · 15:03:12',
    );
    expect(exitMarker(0, { time: at(12), exitCode: 3, oomKilled: false, memoryLimitBytes: null }).text).toBe(
      'exited 3 · 15:03:12',
    );
    expect(restartMarker(0, { time: at(13), restartCount: 7, previousExit: 3 }).text).toBe(
      'restart 7 (previous exit 3) · 15:03:13',
    );
  });

  it('come from past die/start events, numbered back from the engine’s restart count', () => {
    const container = {
      id: 'c1',
      name: 'p-loop-1',
      running: true,
      exitCode: null,
      oomKilled: false,
      finishedAt: null,
      restartCount: 9,
      memoryLimitBytes: null,
    } as unknown as TargetContainer;
    const event = (action: string, second: number, exitCode?: string): EngineEvent => ({
      type: 'container',
      action,
      id: 'c1',
      attributes: exitCode ? { exitCode } : {},
      timeNano: Date.parse(at(second)) * 1e6,
    });
    const markers = runMarkersOf(container, 0, [
      event('start', 1),
      event('die', 2, '3'),
      event('start', 3),
      event('die', 4, '3'),
      event('start', 5),
    ]);
    expect(markers.map((m) => m.text)).toEqual([
      'exited 3 · 15:03:02',
      'restart 8 (previous exit 3) · 15:03:03',
      'exited 3 · 15:03:04',
      'restart 9 (previous exit 3) · 15:03:05',
    ]);
  });

  it('are placed among a container’s lines: an exit rides with the next restart, never before a line it follows', () => {
    const markers = [
      exitMarker(0, { time: at(2), exitCode: 3, oomKilled: false, memoryLimitBytes: null }),
      restartMarker(0, { time: at(3), restartCount: 1, previousExit: 3 }),
      exitMarker(0, { time: at(4), exitCode: 3, oomKilled: false, memoryLimitBytes: null }),
    ];
    const out: Array<{ time: string; text?: string }> = [];
    const placed = new MarkerInterleaver<{ time: string; text: string }>(markers, (item) => out.push(item), false);
    // The engine stamped the first run's last line after its exit.
    placed.line({ time: `${at(2).slice(0, 20)}5Z`.replace('.5Z', '.500000000Z'), text: 'boom 1' });
    placed.line({ time: at(3).replace('.000', '.100'), text: 'boom 2' });
    placed.end();
    expect(out.map((item) => item.text)).toEqual([
      'boom 1',
      'exited 3 · 15:03:02',
      'restart 1 (previous exit 3) · 15:03:03',
      'boom 2',
      'exited 3 · 15:03:04',
    ]);
    const times = out.map((item) => item.time);
    expect([...times].sort()).toEqual(times);
  });

  it('with a tail, drop the markers of runs whose lines are not shown', () => {
    const markers = [
      exitMarker(0, { time: at(2), exitCode: 3, oomKilled: false, memoryLimitBytes: null }),
      restartMarker(0, { time: at(3), restartCount: 1, previousExit: 3 }),
    ];
    const out: string[] = [];
    const placed = new MarkerInterleaver<{ time: string; text: string }>(markers, (item) => out.push(item.text), true);
    placed.line({ time: at(5), text: 'last' });
    placed.end();
    expect(out).toEqual(['last']);
  });

  it('print as a rule in the container’s column', () => {
    const printer = new LogPrinter({ prefix: true, timestamps: false, color: false });
    const source: LogSource = {
      index: 0,
      containerId: 'c',
      name: 'ml-trainer-1',
      service: 'trainer',
      project: 'ml',
      tty: false,
    };
    printer.setSources([source]);
    const marker: LogMarker = exitMarker(0, { time: at(12), exitCode: 137, oomKilled: true, memoryLimitBytes: null });
    expect(printer.formatMarker(marker)).toBe('trainer-1  | ── exited 137 · OOM-killed · 15:03:12 ──\n');
  });
});
