import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineConnection } from '../../../src/main/services/docker/engine-connection';
import type { EngineEvent, EngineState } from '@shared/schemas/engine';
import { startFakeEngine, type FakeEngine } from '../../support/fake-engine';

const event = (id: string) =>
  JSON.stringify({ Type: 'container', Action: 'start', Actor: { ID: id, Attributes: {} }, time: 1 }) + '\n';

let home: string;
let first: FakeEngine;
let second: FakeEngine;
let connection: EngineConnection;
const states: EngineState[] = [];
const events: EngineEvent[] = [];

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'berth-switch-'));
  [first, second] = await Promise.all([startFakeEngine(), startFakeEngine()]);
  states.length = 0;
  events.length = 0;
});

afterEach(async () => {
  await connection?.stop();
  await Promise.all([first.dispose(), second.dispose()]);
  rmSync(home, { recursive: true, force: true });
});

function connectTo(dockerHost: string, requestTimeoutMs?: number): EngineConnection {
  connection = new EngineConnection({
    env: { DOCKER_HOST: dockerHost },
    homeDir: home,
    backoff: { initialMs: 20, maxMs: 100 },
    requestTimeoutMs,
  });
  connection.onStateChange((state) => states.push(state));
  connection.onEvent((received) => events.push(received));
  return connection;
}

describe('EngineConnection.switchTo', () => {
  it('leaves the old engine, says "connecting" to the new one, and follows its events', async () => {
    await connectTo(first.dockerHost).start();
    expect(first.eventStreams).toBe(1);
    states.length = 0;

    const state = await connection.switchTo({ DOCKER_HOST: second.dockerHost });
    expect(state).toMatchObject({ status: 'connected', endpoint: { address: second.dockerHost } });
    expect(states.map((seen) => `${seen.status} ${seen.endpoint?.address}`)).toEqual([
      `connecting ${second.dockerHost}`,
      `connected ${second.dockerHost}`,
    ]);
    await expect.poll(() => first.eventStreams).toBe(0);
    first.write(event('from-old'));
    second.write(event('from-new'));
    await expect.poll(() => events.map((received) => received.id)).toEqual(['from-new']);
  });

  it('ends an attempt that hangs instead of waiting for its timeout', async () => {
    // A socket that accepts and never answers: the first attempt would wait out its 20 s timeout.
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => void sockets.add(socket));
    const silentPath = join(home, 'silent.sock');
    await new Promise<void>((resolve) => silent.listen(silentPath, resolve));
    try {
      const started = connectTo(`unix://${silentPath}`, 20_000).start();
      const before = Date.now();
      const state = await connection.switchTo({ DOCKER_HOST: second.dockerHost });
      expect(Date.now() - before).toBeLessThan(5_000);
      expect(state.status).toBe('connected');
      await started;
      // The abandoned attempt reported nothing: no "unreachable" for the silent engine.
      expect(states.some((seen) => seen.status === 'unreachable')).toBe(false);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('runs switches in order: the last one wins', async () => {
    await connectTo(first.dockerHost).start();
    const [toSecond, backToFirst] = await Promise.all([
      connection.switchTo({ DOCKER_HOST: second.dockerHost }),
      connection.switchTo({ DOCKER_HOST: first.dockerHost }),
    ]);
    expect(toSecond.status).toBe('connected');
    expect(backToFirst).toMatchObject({ status: 'connected', endpoint: { address: first.dockerHost } });
    expect(connection.getState().endpoint?.address).toBe(first.dockerHost);
  });

  it('refuses to switch once stopped', async () => {
    await connectTo(first.dockerHost).start();
    await connection.stop();
    await expect(connection.switchTo({ DOCKER_HOST: second.dockerHost })).rejects.toThrow(/stopped/);
  });
});
