import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OperationHandlers } from '../../../src/main/handlers/handler-types';
import type { StreamFactories } from '../../../src/main/handlers/handler-types';

type Listener = (...args: unknown[]) => unknown;
const electron = vi.hoisted(() => ({
  invokeHandlers: new Map<string, Listener>(),
  listeners: new Map<string, Listener>(),
  ports: [] as Array<{ posted: unknown[]; closed: boolean }>,
}));

vi.mock('electron', () => {
  class FakePort {
    posted: unknown[] = [];
    closed = false;
    postMessage(message: unknown) {
      this.posted.push(message);
    }
    on() {}
    start() {}
    close() {
      this.closed = true;
    }
  }
  class MessageChannelMain {
    port1 = new FakePort();
    port2 = new FakePort();
    constructor() {
      electron.ports.push(this.port1);
    }
  }
  return {
    MessageChannelMain,
    ipcMain: {
      handle: (channel: string, listener: Listener) => electron.invokeHandlers.set(channel, listener),
      removeHandler: (channel: string) => electron.invokeHandlers.delete(channel),
      on: (channel: string, listener: Listener) => electron.listeners.set(channel, listener),
      removeListener: (channel: string) => electron.listeners.delete(channel),
    },
  };
});

const { registerIpc } = await import('../../../src/main/ipc/electron/register-ipc');

function fakeEvent(options: { webContentsId: number; url: string; mainFrame?: boolean }) {
  const mainFrame = { url: options.url };
  const sent: Array<{ channel: string; message: unknown; ports?: unknown[] }> = [];
  return {
    sent,
    event: {
      sender: {
        id: options.webContentsId,
        mainFrame,
        send: (channel: string, message: unknown) => sent.push({ channel, message }),
        postMessage: (channel: string, message: unknown, ports: unknown[]) => sent.push({ channel, message, ports }),
      },
      senderFrame: options.mainFrame === false ? { url: options.url } : mainFrame,
    },
  };
}

const handlers = {
  'engine.state': vi.fn(() => {
    throw new Error('boom');
  }),
  'containers.list': vi.fn(() => []),
  'app.openExternal': vi.fn(() => ({ opened: false })),
} as unknown as OperationHandlers;

const eventsSource = { start: vi.fn(), pause: vi.fn(), resume: vi.fn(), dispose: vi.fn() };
const streams = { events: vi.fn(() => eventsSource) } as unknown as StreamFactories;
const policy = { trustedWebContentsIds: new Set([1]), trustedOrigins: new Set(['app://berth']) };

describe('registerIpc', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    electron.ports.length = 0;
    registerIpc(handlers, streams, policy);
  });

  const invoke = (event: unknown, name: unknown, input?: unknown) =>
    electron.invokeHandlers.get('berth:invoke')!(event, name, input);

  it('refuses calls from an untrusted sender without running the service', async () => {
    for (const sender of [
      { webContentsId: 2, url: 'app://berth/index.html' },
      { webContentsId: 1, url: 'https://example.com/' },
      { webContentsId: 1, url: 'app://berth/index.html', mainFrame: false },
    ]) {
      const result = await invoke(fakeEvent(sender).event, 'containers.list');
      expect(result).toMatchObject({ ok: false, error: { code: 'E_UNTRUSTED_SENDER' } });
    }
    expect(handlers['containers.list']).not.toHaveBeenCalled();
  });

  it('answers a trusted sender, and a failing service becomes an error result, not a crash', async () => {
    const { event } = fakeEvent({ webContentsId: 1, url: 'app://berth/index.html' });
    expect(await invoke(event, 'containers.list')).toEqual({ ok: true, value: [] });
    expect(await invoke(event, 'engine.state')).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
    expect(await invoke(event, 'containers.list', { all: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_INPUT' },
    });
    // Still serving after the failures.
    expect(await invoke(event, 'containers.list')).toEqual({ ok: true, value: [] });
  });

  it('creates a stream port only after the sender check', () => {
    const openStream = electron.listeners.get('berth:stream-open')!;
    const untrusted = fakeEvent({ webContentsId: 9, url: 'app://berth/index.html' });
    openStream(untrusted.event, { id: 's1', kind: 'events' });
    expect(electron.ports).toHaveLength(0);
    expect(untrusted.sent).toEqual([
      {
        channel: 'berth:stream-rejected',
        message: { id: 's1', error: expect.objectContaining({ code: 'E_UNTRUSTED_SENDER' }) },
      },
    ]);

    const trusted = fakeEvent({ webContentsId: 1, url: 'app://berth/index.html' });
    openStream(trusted.event, { id: 's2', kind: 'events' });
    expect(electron.ports).toHaveLength(1);
    expect(eventsSource.start).toHaveBeenCalledOnce();
    expect(trusted.sent[0]).toMatchObject({ channel: 'berth:stream-port', message: { id: 's2' } });
    expect(trusted.sent[0]!.ports).toHaveLength(1);
  });

  it('rejects an unknown stream kind with E_INVALID_INPUT', () => {
    const trusted = fakeEvent({ webContentsId: 1, url: 'app://berth/index.html' });
    electron.listeners.get('berth:stream-open')!(trusted.event, { id: 's3', kind: 'shell-of-the-host' });
    expect(trusted.sent[0]).toMatchObject({
      channel: 'berth:stream-rejected',
      message: { id: 's3', error: { code: 'E_INVALID_INPUT' } },
    });
    expect(electron.ports[0]?.closed).toBe(true);
  });
});
