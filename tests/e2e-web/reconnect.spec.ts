import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startBridge, type Bridge } from '../support/bridge/bridge-server';
import { createBridgeServices, type BridgeServices } from '../support/bridge/bridge-services';
import { skipWithoutPrivateDockerd, startPrivateDockerd, type PrivateDockerd } from '../support/private-dockerd';
import { BerthPage } from './pages/berth-page';

const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');

/**
 * Berth pointed (through DOCKER_HOST) at a private dockerd this test owns, so stopping the engine
 * disturbs nothing else on the machine.
 */
test.describe('engine loss and reconnect, seen in the UI', () => {
  test.skip(skipWithoutPrivateDockerd(), 'needs a private dockerd: root and a dockerd binary');

  let dockerd: PrivateDockerd;
  let backend: BridgeServices;
  let bridge: Bridge;

  test.beforeAll(async () => {
    dockerd = await startPrivateDockerd({ name: 'e2e-reconnect' });
    backend = await createBridgeServices({ ...process.env, DOCKER_HOST: dockerd.dockerHost });
    bridge = await startBridge({
      rendererDir: RENDERER_DIR,
      operations: backend.operations,
      streams: backend.streams,
    });
  });

  test.afterAll(async () => {
    await bridge?.close();
    await backend?.dispose();
    await dockerd?.dispose();
  });

  test('the status bar turns unreachable with a reason when dockerd stops, and reconnects within 5 s of its return', async ({
    page,
  }) => {
    const berth = new BerthPage(page);
    await berth.open(bridge.pageUrl);
    await berth.waitForEngine('connected');
    await expect(page.getByTestId('status-bar')).toContainText(dockerd.socketPath);

    await dockerd.stop();
    await berth.waitForEngine('unreachable');
    await expect(berth.engineSummary).toContainText(/Engine unreachable: .+/);
    await expect(page.getByTestId('engine-fix')).not.toBeEmpty();

    await dockerd.start();
    const restartedAt = Date.now();
    await expect(berth.statusBar).toHaveAttribute('data-status', 'connected', { timeout: 5_000 });
    expect(Date.now() - restartedAt).toBeLessThan(5_000);
  });
});
