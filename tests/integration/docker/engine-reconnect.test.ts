import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerClient } from '../../../src/main/services/docker/docker-client';
import { EngineConnection } from '../../../src/main/services/docker/engine-connection';
import type { EngineState } from '@shared/schemas/engine';
import { waitForEvent, waitForState } from '../../support/engine-waits';
import { skipWithoutPrivateDockerd, startPrivateDockerd, type PrivateDockerd } from '../../support/private-dockerd';
import { requireEngine } from '../../support/require-engine';

const engine = await requireEngine();
const skipPrivate = skipWithoutPrivateDockerd();

describe.skipIf(!engine.available || skipPrivate)('EngineConnection when its engine stops and returns', () => {
  let dockerd: PrivateDockerd;
  let homeDir: string;
  let connection: EngineConnection;
  const states: EngineState[] = [];

  beforeAll(async () => {
    dockerd = await startPrivateDockerd({ name: 'reconnect' });
    homeDir = mkdtempSync(join(tmpdir(), 'berth-home-'));
    // Default backoff (250 ms doubling to 2 s): the test proves the defaults meet the 5 s promise.
    connection = new EngineConnection({ env: { DOCKER_HOST: dockerd.dockerHost }, homeDir });
    connection.onStateChange((state) => states.push(state));
    await connection.start();
  });

  afterAll(async () => {
    await connection?.stop();
    await dockerd?.dispose();
    if (homeDir) rmSync(homeDir, { recursive: true, force: true });
  });

  const volumeCreated = (name: string) =>
    waitForEvent(
      connection,
      (event) => event.type === 'volume' && event.action === 'create' && event.id === name,
      5_000,
    );

  const createVolume = async (name: string) => {
    await createDockerClient({ transport: 'unix', socketPath: dockerd.socketPath }).createVolume({ Name: name });
  };

  it('connects to the private engine and follows its events', async () => {
    expect(connection.getState()).toMatchObject({
      status: 'connected',
      endpoint: { kind: 'unix', address: dockerd.dockerHost, source: 'DOCKER_HOST', local: true },
    });
    const event = volumeCreated('berth-before-restart');
    await createVolume('berth-before-restart');
    await expect(event).resolves.toMatchObject({ type: 'volume', action: 'create' });
  });

  it('turns unreachable with a reason when the engine stops, and reconnects within 5 s of its return', async () => {
    const stoppingAt = Date.now();
    await dockerd.stop();
    const unreachable = await waitForState(connection, (state) => state.status === 'unreachable', 10_000);
    const lostAfterMs = Date.now() - stoppingAt;
    expect(unreachable.reason).toMatch(/ENOENT|ECONNREFUSED/);
    expect(unreachable.reason).toContain(dockerd.socketPath);
    expect(unreachable.fix).toMatch(/\S/);
    expect(unreachable.nextRetryAt).toBeGreaterThan(0);
    expect(() => connection.getDocker()).toThrow(expect.objectContaining({ code: 'E_ENGINE_UNREACHABLE' }));

    await dockerd.start();
    const answeringAt = Date.now();
    await waitForState(connection, (state) => state.status === 'connected', 5_000);
    const reconnectMs = Date.now() - answeringAt;
    console.info(
      `[reconnect] unreachable ${lostAfterMs} ms after SIGTERM; connected ${reconnectMs} ms after dockerd answered`,
    );
    expect(reconnectMs).toBeLessThan(5_000);

    const event = volumeCreated('berth-after-restart');
    await createVolume('berth-after-restart');
    await expect(event).resolves.toMatchObject({ type: 'volume', action: 'create' });
    expect(states.map((state) => state.status)).toEqual(expect.arrayContaining(['connected', 'unreachable']));
  });
});
