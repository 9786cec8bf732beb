import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent, EngineState } from '@shared/schemas/engine';
import type { StatsMessage } from '@shared/schemas/stats';
import type { EngineWatch } from '../../../src/main/services/docker/engine-watch';
import { createStatsSource } from '../../../src/main/services/stats/stats-source';
import { StatsSampler } from '../../../src/main/services/stats/stats-sampler';
import { FakeReader, fakeDocker, type FakeContainer } from './fake-stats';

function fakeEngine(containers: () => FakeContainer[]) {
  const events = new Set<(event: EngineEvent) => void>();
  const docker = fakeDocker(containers);
  const engine: EngineWatch = {
    getState: () => ({ status: 'connected' }) as EngineState,
    onStateChange: () => () => {},
    onEvent: (listener) => (events.add(listener), () => events.delete(listener)),
    getDocker: () => docker,
  };
  const emit = (event: Partial<EngineEvent>) =>
    events.forEach((listener) =>
      listener({ type: 'container', action: 'start', id: '', attributes: {}, timeNano: 0, ...event }),
    );
  return { engine, emit, listeners: events };
}

describe('the stats stream', () => {
  afterEach(() => vi.useRealTimers());

  const running: FakeContainer[] = [
    { id: 'busy', name: 'ml-trainer-1', project: 'ml', service: 'trainer' },
    { id: 'idle', name: 'ml-db-1', project: 'ml', service: 'db' },
    { id: 'other', name: 'web-1', project: 'web', service: 'web' },
  ];

  const start = (selection: object, containers: () => FakeContainer[] = () => running) => {
    vi.useFakeTimers();
    const reader = new FakeReader();
    const sampler = new StatsSampler({
      getDocker: () => fakeDocker(containers),
      intervalMs: 1_000,
      reader: () => reader,
    });
    const { engine, emit, listeners } = fakeEngine(containers);
    const messages: StatsMessage[] = [];
    const source = createStatsSource({ engine, sampler, settleMs: 10 }, { selection });
    source.start({ emit: (message) => messages.push(message), end: () => {} });
    return { reader, sampler, source, messages, emit, listeners };
  };
  const samples = (messages: StatsMessage[]) => messages.filter((m) => m.type === 'samples');

  it('samples only the selected project and sends batches with per-service and per-project sums', async () => {
    const { reader, messages, source } = start({ projects: ['ml'] });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(messages[0]).toEqual({
      type: 'targets',
      targets: [
        { id: 'idle', name: 'ml-db-1', project: 'ml', service: 'db' },
        { id: 'busy', name: 'ml-trainer-1', project: 'ml', service: 'trainer' },
      ],
    });
    expect(reader.reads.every((ids) => !ids.includes('other'))).toBe(true);
    const last = samples(messages).at(-1)!;
    expect(last.type === 'samples' && last.samples.map((s) => s.id).sort()).toEqual(['busy', 'idle']);
    expect(last.type === 'samples' && last.projects[0]).toMatchObject({
      project: 'ml',
      containers: 2,
      cpuPercent: 100,
    });
    source.dispose();
  });

  it('reads nothing for an empty selection, and starts when the consumer selects', async () => {
    const { reader, messages, source } = start({});
    await vi.advanceTimersByTimeAsync(3_000);
    expect(reader.reads).toEqual([]);
    expect(messages).toEqual([{ type: 'targets', targets: [] }]);
    source.receive!({ type: 'select', selection: { containers: ['web-1'] } });
    await vi.advanceTimersByTimeAsync(1_100);
    expect(reader.reads.at(-1)).toEqual(['other']);
    source.receive!({ not: 'a selection' });
    expect(messages.at(-1)).toMatchObject({ type: 'notice', level: 'warning' });
    source.dispose();
  });

  it('while paused holds only the latest reading per container, then sends one batch', async () => {
    const { messages, source } = start({ projects: ['ml'] });
    await vi.advanceTimersByTimeAsync(100);
    source.pause();
    const before = samples(messages).length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(samples(messages).length).toBe(before);
    source.resume();
    const resumed = samples(messages).slice(before);
    expect(resumed.length).toBe(1);
    expect(resumed[0]!.type === 'samples' && resumed[0]!.samples.length).toBe(2);
    source.dispose();
  });

  it('lists again when a selected container starts or dies, and stops everything on dispose', async () => {
    let list = running.slice(0, 1);
    const { messages, source, emit, sampler, listeners } = start({ projects: ['ml'] }, () => list);
    await vi.advanceTimersByTimeAsync(50);
    list = running;
    emit({ action: 'start', id: 'idle', attributes: { 'com.docker.compose.project': 'ml' } });
    emit({ action: 'start', id: 'other', attributes: { 'com.docker.compose.project': 'web' } });
    await vi.advanceTimersByTimeAsync(100);
    const targets = messages.filter((m) => m.type === 'targets');
    expect(targets.length).toBe(2);
    source.dispose();
    expect(listeners.size).toBe(0);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sampler.active).toBe(false);
  });
});
