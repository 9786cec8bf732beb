import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerClient } from '../../../src/main/services/docker/docker-client';
import { skipWithoutPrivateDockerd, startPrivateDockerd, type PrivateDockerd } from '../../support/private-dockerd';
import { requireEngine } from '../../support/require-engine';

const engine = await requireEngine();
const skipPrivate = skipWithoutPrivateDockerd();

describe.skipIf(!engine.available || skipPrivate)('startPrivateDockerd', () => {
  let dockerd: PrivateDockerd;

  beforeAll(async () => {
    dockerd = await startPrivateDockerd({ name: 'helper-test', runtimes: { nvidia: { path: '/bin/true' } } });
  });

  afterAll(async () => {
    await dockerd?.dispose();
  });

  const client = () => createDockerClient({ transport: 'unix', socketPath: dockerd.socketPath });

  it('runs beside the machine engine with the runtimes it was given', async () => {
    expect(dockerd.pid).toBeGreaterThan(0);
    const [info, machine] = await Promise.all([client().info(), engine.docker.info()]);
    expect(Object.keys(info.Runtimes)).toContain('nvidia');
    expect(info.DockerRootDir).toContain(dirname(dockerd.socketPath));
    expect(machine.DockerRootDir).not.toBe(info.DockerRootDir);
    await expect(engine.docker.ping()).resolves.toBeTruthy();
  });

  it('stops by pid and starts again with its data', async () => {
    await client().createVolume({ Name: 'berth-survives-restart' });
    const firstPid = dockerd.pid;
    await dockerd.stop();
    expect(dockerd.pid).toBeUndefined();
    await expect(client().ping()).rejects.toThrow(/ENOENT|ECONNREFUSED/);
    await expect(engine.docker.ping()).resolves.toBeTruthy();

    await dockerd.restart();
    expect(dockerd.pid).not.toBe(firstPid);
    await expect(client().getVolume('berth-survives-restart').inspect()).resolves.toMatchObject({
      Name: 'berth-survives-restart',
    });
  });

  it('removes its temp dirs on dispose', async () => {
    const other = await startPrivateDockerd({ name: 'dispose-test' });
    const root = dirname(other.socketPath);
    expect(existsSync(root)).toBe(true);
    await other.dispose();
    expect(existsSync(root)).toBe(false);
    expect(other.pid).toBeUndefined();
  });
});
