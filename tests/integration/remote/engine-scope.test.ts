/**
 * What belongs to an engine ends with it: the app (createServices) on a GPU host reached over ssh holds that host's
 * GPU helper container; switching the app to the machine's engine removes it there and retires the old engine's
 * scope, so nothing of the GPU host is reached through the new one. (Tunnels: tests/integration/remote/port-links.)
 */
import { resolve } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type BerthServices } from '../../../src/main/services/create-services';
import { GPU_HELPER_LABEL } from '../../../src/main/services/gpus/engine-side/gpu-helper';
import { skipWithoutPrivateDockerd } from '../../support/private-dockerd';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import {
  buildStandInImage,
  GLIBC_IMAGE,
  skipWithoutLiveCaptures,
  STAND_IN_IMAGE,
  startGpuEngine,
  type GpuEngine,
} from '../../support/remote-gpu/stand-in-gpu-engine';
import { skipWithoutSshd } from '../../support/ssh/private-sshd';
import { startSshEngine, type SshEngine } from '../../support/ssh/ssh-engine';

const engine = await requireEngine();
const skip = !engine.available || skipWithoutPrivateDockerd() || skipWithoutSshd() || skipWithoutLiveCaptures();

describe.skipIf(skip)('an engine switch disposes what belonged to the old engine', () => {
  let gpuEngine: GpuEngine;
  let gpuHost: Docker;
  let ssh: SshEngine;
  let services: BerthServices;

  const helpersOnGpuHost = () => gpuHost.listContainers({ all: true, filters: { label: [GPU_HELPER_LABEL] } });

  beforeAll(async () => {
    buildStandInImage();
    gpuEngine = await startGpuEngine([STAND_IN_IMAGE, GLIBC_IMAGE, TEST_IMAGE]);
    gpuHost = new Docker({ socketPath: gpuEngine.dockerd.socketPath });
    ssh = await startSshEngine({ setEnv: { DOCKER_HOST: gpuEngine.dockerd.dockerHost } });
    services = createServices({ env: ssh.env, homeDir: ssh.home, templatesDir: resolve('resources/templates') });
    await services.start();
    expect(services.connection.getState()).toMatchObject({ status: 'connected', endpoint: { kind: 'ssh' } });
  }, 180_000);

  afterAll(async () => {
    await services?.dispose();
    await ssh?.dispose();
    await gpuEngine?.dispose();
  }, 60_000);

  it("removes the GPU helper from the old engine's host and retires its scope", async () => {
    const scope = services.scopes.current();
    const lease = scope.gpuHelper(STAND_IN_IMAGE);
    expect(scope.gpuHelper(STAND_IN_IMAGE)).toBe(lease);
    const helper = await lease.acquire();
    expect((await helpersOnGpuHost()).map((container) => container.Id)).toEqual([helper.id]);

    await services.engines.add({
      name: 'this-machine',
      address: process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock',
    });
    const switched = await services.engines.switchTo('this-machine');
    expect(switched.state).toMatchObject({ status: 'connected', endpoint: { kind: 'unix' } });

    // Removed at the switch, not left to linger on the GPU host.
    expect(await helpersOnGpuHost()).toEqual([]);
    expect(() => scope.gpuHelper(STAND_IN_IMAGE)).toThrow(/Switched to another engine/);
    expect(() => scope.portTunnels()).toThrow(/Switched to another engine/);
    const now = services.scopes.current();
    expect(now).not.toBe(scope);
    expect(now.endpoint).toMatchObject({ kind: 'unix' });
    expect(now.gpuHelper(STAND_IN_IMAGE)).not.toBe(lease);
  }, 120_000);
});
