import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineConnection, type EngineConnectionOptions } from '../../../src/main/services/docker/engine-connection';
import { BerthError } from '@shared/errors';
import { EngineStateSchema, type EngineEvent, type EngineState } from '@shared/schemas/engine';
import { waitForEvent, waitForState } from '../../support/engine-waits';
import { startFakeEngine, type FakeEngine } from '../../support/fake-engine';

const FAST_BACKOFF = { initialMs: 20, maxMs: 100 };
const event = (action: string, id: string) =>
  JSON.stringify({ Type: 'container', Action: action, Actor: { ID: id, Attributes: { name: id } }, time: 1 }) + '\n';

let home: string;
let engine: FakeEngine;
const connections: EngineConnection[] = [];

function connect(overrides: Partial<EngineConnectionOptions> = {}) {
  const connection = new EngineConnection({
    env: { DOCKER_HOST: engine.dockerHost },
    homeDir: home,
    backoff: FAST_BACKOFF,
    ...overrides,
  });
  connections.push(connection);
  const states: EngineState[] = [];
  const events: EngineEvent[] = [];
  connection.onStateChange((state) => states.push(EngineStateSchema.parse(state)));
  connection.onEvent((e) => events.push(e));
  return { connection, states, events };
}

const isConnected = (state: EngineState) => state.status === 'connected';
const isUnreachable = (state: EngineState) => state.status === 'unreachable';

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'berth-conn-'));
  engine = await startFakeEngine();
});

afterEach(async () => {
  await Promise.all(connections.splice(0).map((connection) => connection.stop()));
  await engine.dispose();
  rmSync(home, { recursive: true, force: true });
});

describe('EngineConnection', () => {
  it('starts connecting, and connects with the endpoint and the engine info', async () => {
    const { connection, states } = connect();
    expect(connection.getState()).toMatchObject({ status: 'connecting', endpoint: null });
    expect(() => connection.getDocker()).toThrow(/Still connecting/);

    const started = connection.start();
    expect(connection.start()).toBe(started);
    await started;

    expect(states.map((state) => state.status)).toEqual(['connected']);
    expect(connection.getState()).toMatchObject({
      status: 'connected',
      endpoint: { kind: 'unix', address: engine.dockerHost, source: 'DOCKER_HOST', local: true },
      info: { name: 'fake-engine', serverVersion: '99.0.0', apiVersion: '1.41', runtimes: ['runc'], flavor: 'docker' },
      reason: null,
      fix: null,
      nextRetryAt: null,
    });
    // On a local socket the ping, info and version requests go out together.
    expect(engine.requests.slice(0, 3).sort()).toEqual(['/_ping', '/info', '/version']);
    expect(engine.eventStreams).toBe(1);
    await expect(connection.getDocker().ping()).resolves.toBeTruthy();
  });

  it('delivers events in order, whatever the chunking', async () => {
    const { connection, events } = connect();
    await connection.start();
    const last = waitForEvent(connection, (e) => e.id === 'c3', 2_000);
    const bytes = event('create', 'c1') + event('start', 'c2') + event('die', 'c3');
    engine.write(bytes.slice(0, 10));
    engine.write(bytes.slice(10, 80));
    engine.write(bytes.slice(80));
    await last;
    expect(events.map((e) => `${e.action} ${e.id}`)).toEqual(['create c1', 'start c2', 'die c3']);
  });

  it('resubscribes when the engine ends the events stream but still answers', async () => {
    const { connection, states } = connect();
    await connection.start();
    engine.endEventStreams();
    await waitForState(connection, (state) => state.status === 'connecting', 2_000);
    await waitForState(connection, isConnected, 2_000);
    expect(states.map((state) => state.status)).toEqual(['connected', 'connecting', 'connected']);
    expect(states[1]!.reason).toMatch(/Lost the connection/);

    const next = waitForEvent(connection, (e) => e.id === 'after', 2_000);
    engine.write(event('start', 'after'));
    await next;
  });

  it('turns unreachable with the reason and a fix when the engine goes away, then reconnects', async () => {
    const { connection, events } = connect();
    await connection.start();

    await engine.stop();
    const unreachable = await waitForState(connection, isUnreachable, 2_000);
    expect(unreachable.reason).toMatch(new RegExp(`(ENOENT|ECONNREFUSED) ${engine.socketPath}`));
    expect(unreachable.fix).toContain(engine.dockerHost);
    expect(unreachable.endpoint?.address).toBe(engine.dockerHost);
    expect(unreachable.info).toBeNull();
    expect(unreachable.nextRetryAt).toBeGreaterThanOrEqual(unreachable.since);
    expect(() => connection.getDocker()).toThrow(BerthError);
    try {
      connection.getDocker();
    } catch (error) {
      expect(error).toMatchObject({ code: 'E_ENGINE_UNREACHABLE', message: unreachable.reason, fix: unreachable.fix });
    }

    await engine.start();
    await waitForState(connection, isConnected, 2_000);
    const next = waitForEvent(connection, (e) => e.id === 'back', 2_000);
    engine.write(event('start', 'back'));
    await next;
    expect(events.map((e) => e.id)).toEqual(['back']);
  });

  it('keeps "unreachable since" while retries fail, with growing delays up to the maximum', async () => {
    const { connection, states } = connect({ env: { DOCKER_HOST: `unix://${join(home, 'nothing.sock')}` } });
    await connection.start();
    expect(connection.getState()).toMatchObject({
      status: 'unreachable',
      reason: `connect ENOENT ${join(home, 'nothing.sock')}`,
    });
    await waitForState(connection, () => states.length >= 5, 3_000);
    const unreachable = states.slice(0, 5);
    expect(new Set(unreachable.map((state) => state.since)).size).toBe(1);
    const delays = unreachable.map(
      (state, index) => state.nextRetryAt! - (index === 0 ? state.since : unreachable[index - 1]!.nextRetryAt!),
    );
    // Each retry starts when its timer fires, a little after the nextRetryAt it announced.
    expect(delays[0]).toBe(20);
    expect(delays[1]).toBeGreaterThanOrEqual(40);
    expect(delays[2]).toBeGreaterThanOrEqual(80);
    expect(delays[3]).toBeGreaterThanOrEqual(100);
  });

  it('reports an engine that answers with errors', async () => {
    engine.fail('/info', true);
    const { connection } = connect();
    await connection.start();
    expect(connection.getState()).toMatchObject({ status: 'unreachable' });
    expect(connection.getState().reason).toMatch(/500.*\/info exploded/);
    engine.fail('/info', false);
    await waitForState(connection, isConnected, 2_000);
  });

  it('notices a failing heartbeat ping while the events stream stays open', async () => {
    const { connection } = connect({ heartbeatMs: 20 });
    await connection.start();
    engine.fail('/_ping', true);
    const unreachable = await waitForState(connection, isUnreachable, 2_000);
    expect(unreachable.reason).toMatch(/_ping exploded/);
    expect(engine.eventStreams).toBe(0);
  });

  it('reports a broken docker context without an endpoint, and recovers once it is fixed', async () => {
    const env: NodeJS.ProcessEnv = { DOCKER_CONTEXT: 'missing' };
    const { connection } = connect({ env });
    await connection.start();
    expect(connection.getState()).toMatchObject({ status: 'unreachable', endpoint: null });
    expect(connection.getState().reason).toContain('meta.json');
    expect(connection.getState().fix).toContain('docker context');

    env.DOCKER_HOST = engine.dockerHost;
    await waitForState(connection, isConnected, 2_000);
  });

  it('stops for good: no stream, no retries, no state changes; stop is idempotent', async () => {
    const { connection, states } = connect();
    await connection.start();
    await connection.stop();
    await connection.stop();
    await waitForCondition(() => engine.eventStreams === 0);
    await engine.stop();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(states.map((state) => state.status)).toEqual(['connected']);
  });

  it('stops while unreachable without another attempt', async () => {
    const { connection, states } = connect({ env: { DOCKER_HOST: `unix://${join(home, 'nothing.sock')}` } });
    await connection.start();
    await connection.stop();
    const count = states.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(states.length).toBe(count);
  });

  it('isolates listeners: one that throws does not stop the others or the connection', async () => {
    const { connection } = connect();
    connection.onStateChange(() => {
      throw new Error('listener bug');
    });
    connection.onEvent(() => {
      throw new Error('listener bug');
    });
    const seen: string[] = [];
    const unsubscribe = connection.onEvent((e) => seen.push(e.id));
    await connection.start();
    expect(connection.getState().status).toBe('connected');
    const first = waitForEvent(connection, (e) => e.id === 'one', 2_000);
    engine.write(event('start', 'one'));
    await first;
    unsubscribe();
    const second = waitForEvent(connection, (e) => e.id === 'two', 2_000);
    engine.write(event('start', 'two'));
    await second;
    expect(seen).toEqual(['one']);
  });
});

async function waitForCondition(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
