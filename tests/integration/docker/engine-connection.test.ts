import { homedir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineConnection } from '../../../src/main/services/docker/engine-connection';
import { EngineStateSchema } from '@shared/schemas/engine';
import { waitForEvent } from '../../support/engine-waits';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';

const engine = await requireEngine();

describe.skipIf(!engine.available)('EngineConnection against the machine engine', () => {
  let connection: EngineConnection;

  beforeAll(async () => {
    connection = new EngineConnection({ env: process.env, homeDir: homedir() });
    await connection.start();
  });

  afterAll(async () => {
    await connection?.stop();
  });

  it('connects and fills the engine info', () => {
    const state = EngineStateSchema.parse(connection.getState());
    expect(state.status).toBe('connected');
    expect(state.endpoint?.address).toMatch(/^(unix|tcp|ssh|npipe):\/\//);
    expect(state.info).toMatchObject({
      serverVersion: expect.stringMatching(/\d+\.\d+/),
      apiVersion: expect.stringMatching(/^1\.\d+$/),
      os: expect.any(String),
      osType: 'linux',
    });
    expect(state.info!.name).not.toBe('');
    expect(state.info!.runtimes).toContain(state.info!.defaultRuntime);
    expect(state.info!.cpus).toBeGreaterThan(0);
    expect(state.info!.memoryBytes).toBeGreaterThan(0);
    expect(state.reason).toBeNull();
    expect(connection.getDocker()).toBeDefined();
  });

  it('delivers the engine events', async () => {
    const docker = connection.getDocker();
    const name = `berth-events-test-${process.pid}-${Date.now()}`;
    const hasTestImage = await docker
      .getImage(TEST_IMAGE)
      .inspect()
      .then(() => true)
      .catch(() => false);

    if (hasTestImage) {
      const created = waitForEvent(
        connection,
        (e) => e.type === 'container' && e.action === 'create' && e.attributes.name === name,
        10_000,
      );
      const container = await docker.createContainer({ Image: TEST_IMAGE, name, Cmd: ['true'] });
      try {
        const event = await created;
        expect(event.id).toBe(container.id);
        expect(event.attributes.image).toBe(TEST_IMAGE);
        expect(event.timeNano).toBeGreaterThan(0);
      } finally {
        await container.remove({ force: true });
      }
    } else {
      const created = waitForEvent(
        connection,
        (e) => e.type === 'network' && e.action === 'create' && e.attributes.name === name,
        10_000,
      );
      const network = await docker.createNetwork({ Name: name, Driver: 'bridge', Internal: true });
      try {
        const event = await created;
        expect(event.id).toBe(network.id);
      } finally {
        await network.remove();
      }
    }
  });
});
