import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineState } from '@shared/schemas/engine';
import type { EngineWatch } from '../../../src/main/services/docker/engine-watch';
import { DiagnosticsNotifier, type Notice } from '../../../src/main/services/diagnostics/notifier';

function setup() {
  const listeners = new Set<(event: EngineEvent) => void>();
  const engine: EngineWatch = {
    getState: () => ({ status: 'connected' }) as EngineState,
    onStateChange: () => () => {},
    onEvent: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    getDocker: () => {
      throw new Error('no engine in this test');
    },
  };
  const notices: Notice[] = [];
  const notifier = new DiagnosticsNotifier(engine, { onNotice: (notice) => notices.push(notice) });
  notifier.watchProjects(['ml']);
  let clock = 1_000_000;
  const emit = (action: string, attributes: Record<string, string> = {}, id = 'c1', project = 'ml') => {
    clock += 1_000;
    const event: EngineEvent = {
      type: 'container',
      action,
      id,
      attributes: {
        'com.docker.compose.project': project,
        'com.docker.compose.service': 'worker',
        name: 'ml-worker-1',
        ...attributes,
      },
      timeNano: clock * 1e6,
    };
    listeners.forEach((listener) => listener(event));
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { notifier, notices, emit, settle, listeners };
}

// Event sequences as dockerd 20.10 sends them (recorded with `docker events`).
describe('DiagnosticsNotifier', () => {
  it('notifies a death with its exit code, once per quiet period', () => {
    const { notices, emit } = setup();
    emit('start');
    emit('die', { exitCode: '1' });
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'died',
        severity: 'failed',
        title: 'worker died',
        body: 'Exit 1: failed (a general error: see its last log lines).',
      }),
    ]);
    emit('die', { exitCode: '1' });
    expect(notices.length).toBe(1);
  });

  it('says nothing for what the user asked for: a stop (kill 15, kill 9, die 137), docker kill, exit 0', () => {
    const { notices, emit } = setup();
    emit('kill', { signal: '15' });
    emit('kill', { signal: '9' });
    emit('die', { exitCode: '137' });
    emit('start');
    emit('kill', { signal: '9' });
    emit('die', { exitCode: '137' });
    emit('start');
    emit('die', { exitCode: '0' });
    expect(notices).toEqual([]);
  });

  it('notifies OOM kills, unhealthy and crash loops, without a death notice per restart', async () => {
    const { notices, emit, settle } = setup();
    emit('start');
    emit('oom');
    emit('die', { exitCode: '137' });
    await settle();
    expect(notices.map((n) => n.kind)).toEqual(['oom-killed']);
    expect(notices[0]!.title).toBe('worker was OOM-killed');
    for (let i = 0; i < 4; i++) {
      emit('start');
      emit('die', { exitCode: '3' }, 'c2');
      emit('start', {}, 'c2');
    }
    expect(notices.filter((n) => n.containerId === 'c2').map((n) => n.kind)).toEqual(['died', 'crash-loop']);
    emit('health_status: unhealthy', {}, 'c3');
    await settle();
    expect(notices.at(-1)).toMatchObject({ kind: 'unhealthy', body: 'Its healthcheck keeps failing.' });
  });

  it('only watches the projects the user opened, and can be muted per project or entirely', () => {
    const { notifier, notices, emit, listeners } = setup();
    emit('die', { exitCode: '1' }, 'x1', 'elsewhere');
    notifier.mute('ml');
    emit('die', { exitCode: '1' }, 'x2');
    notifier.unmute('ml');
    notifier.mute();
    emit('die', { exitCode: '1' }, 'x3');
    expect(notifier.isMuted('ml')).toBe(true);
    notifier.unmute();
    emit('die', { exitCode: '2' }, 'x4');
    expect(notices.map((n) => n.containerId)).toEqual(['x4']);
    notifier.dispose();
    expect(listeners.size).toBe(0);
  });
});
