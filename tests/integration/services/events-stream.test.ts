import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStreamSession, type StreamChannel } from '../../../src/main/ipc/core/stream-session';
import { createBerth, type Berth } from '../../../src/main/composition-root';
import { HEADLESS_DESKTOP } from '../../../src/main/handlers/desktop';
import type { EventsMessage } from '@shared/schemas/events';
import type { ProducerFrame } from '@shared/stream-protocol';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';

const engine = await requireEngine();

/** Collects what the events stream sends and lets a test wait for a matching message. */
function collectingChannel() {
  const messages: EventsMessage[] = [];
  const waiters: Array<{ match: (m: EventsMessage) => boolean; resolve: (m: EventsMessage) => void }> = [];
  const channel: StreamChannel = {
    send: (frame: ProducerFrame) => {
      if (frame.t !== 'data') return;
      const message = frame.data as EventsMessage;
      messages.push(message);
      for (const waiter of waiters.splice(0)) {
        if (waiter.match(message)) waiter.resolve(message);
        else waiters.push(waiter);
      }
    },
    onMessage: () => {},
    onClose: () => {},
    close: () => {},
  };
  const waitFor = (match: (m: EventsMessage) => boolean, timeoutMs = 10_000) =>
    new Promise<EventsMessage>((resolve, reject) => {
      const found = messages.find(match);
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error('timed out waiting for an events message')), timeoutMs);
      waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  return { channel, messages, waitFor };
}

describe.skipIf(!engine.available)('services against the real engine', () => {
  let berth: Berth;

  beforeAll(async () => {
    const stateDir = mkdtempSync(path.join(os.tmpdir(), 'berth-services-'));
    berth = createBerth({
      env: { ...process.env, XDG_STATE_HOME: stateDir },
      homeDir: os.homedir(),
      templatesDir: path.resolve(__dirname, '../../../resources/templates'),
      desktop: HEADLESS_DESKTOP,
    });
    await berth.start();
  });

  afterAll(async () => {
    await berth?.dispose();
  });

  it('reports the engine state with the real version', async () => {
    const version = await engine.docker.version();
    const state = await berth.operations['engine.state'](undefined);
    expect(state.status).toBe('connected');
    expect(state.info?.serverVersion).toBe(version.Version);
    expect(state.info?.apiVersion).toBe(version.ApiVersion);
  });

  it('streams a container through create, start, stop and removal', async () => {
    const { channel, waitFor } = collectingChannel();
    expect(openStreamSession(berth.streams, 'events', undefined, channel)).toBeNull();
    await waitFor((m) => m.type === 'state' && m.state.status === 'connected');

    const project = `berth-it-${randomUUID().slice(0, 8)}`;
    const container = await engine.docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sleep', '300'],
      name: `${project}-worker-1`,
      Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': 'worker' },
    });
    try {
      const isThis = (state: string) => (m: EventsMessage) =>
        m.type === 'container' && m.id === container.id && m.container?.state === state;
      await container.start();
      const running = await waitFor(isThis('running'));
      expect(running).toMatchObject({ container: { compose: { project, service: 'worker' }, image: TEST_IMAGE } });

      const listed = await berth.operations['containers.list'](undefined);
      expect(listed.find((entry) => entry.id === container.id)?.state).toBe('running');

      await container.stop({ t: 0 });
      await waitFor(isThis('exited'));
      await container.remove();
      await waitFor((m) => m.type === 'container' && m.id === container.id && m.container === null);
    } finally {
      await container.remove({ force: true }).catch(() => undefined);
    }
  });
});
