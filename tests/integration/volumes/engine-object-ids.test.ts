import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containersHandlers } from '../../../src/main/handlers/containers';
import type { Desktop } from '../../../src/main/handlers/desktop';
import type { OperationHandlers } from '../../../src/main/handlers/handler-types';
import { volumesHandlers } from '../../../src/main/handlers/volumes';
import { dispatch } from '../../../src/main/ipc/core/dispatch';
import type { BerthServices } from '../../../src/main/services/create-services';
import { VolumeBrowser } from '../../../src/main/services/volumes/volume-browser';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';

const engine = await requireEngine();

/**
 * The probe's attack: a container id like `../127.0.0.1:PORT/anything?x=` made the engine answer with a redirect to
 * a port of the caller's choosing. Every input that names a container is checked against the engine's grammar
 * before any request is made: a listener on that port must never hear from Berth.
 */
describe.skipIf(!engine.available)('container ids are validated before they reach the engine', () => {
  const docker = engine.docker;
  const browser = new VolumeBrowser({ docker: () => docker, helperImage: TEST_IMAGE, helperIdleMs: 2_000 });
  let listener: Server;
  let port = 0;
  let requests = 0;
  let handlers: OperationHandlers;
  const desktop = { showInFolder: async () => {} } as unknown as Desktop;

  beforeAll(async () => {
    listener = createServer((_request, response) => {
      requests += 1;
      response.end('{}');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as AddressInfo).port;
    const services = {
      connection: { getDocker: () => docker },
      volumes: browser,
      engineIsLocal: () => true,
    } as unknown as BerthServices;
    handlers = {
      ...volumesHandlers(services, desktop).operations,
      ...containersHandlers(services).operations,
    } as OperationHandlers;
  });

  afterAll(async () => {
    await browser.dispose();
    await new Promise((resolve) => listener.close(resolve));
  });

  it('refuses hostile ids as invalid input, and nothing reaches the chosen port', async () => {
    const hostile = [`../127.0.0.1:${port}/anything?x=`, `../../127.0.0.1:${port}/x`, 'abc/../../info', 'abc?all=1'];
    for (const id of hostile) {
      const calls = [
        dispatch(handlers, 'containers.jupyterToken', { id }),
        dispatch(handlers, 'volumes.revealBindMount', { containerId: id, destination: '/app' }),
        dispatch(handlers, 'volumes.listDirectory', {
          target: { kind: 'bind', containerId: id, destination: '/app' },
          path: '',
        }),
      ];
      for (const result of await Promise.all(calls)) {
        expect(result).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
      }
    }
    expect(requests).toBe(0);
  });

  it('still serves a real container by id and by name', async () => {
    const container = await docker.createContainer({
      Image: TEST_IMAGE,
      name: `berth-ids-${Date.now()}`,
      Cmd: ['true'],
      HostConfig: { Binds: ['/tmp:/app:ro'] },
    });
    try {
      const { Name } = await container.inspect();
      for (const ref of [container.id, container.id.slice(0, 12), Name.slice(1)]) {
        const result = await dispatch(handlers, 'volumes.listDirectory', {
          target: { kind: 'bind', containerId: ref, destination: '/app' },
          path: '',
          limit: 1,
        });
        expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      }
    } finally {
      await container.remove({ force: true });
      await browser.helpers.releaseAll();
    }
  });
});
