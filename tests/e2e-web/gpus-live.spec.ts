import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startBridge, type Bridge } from '../support/bridge/bridge-server';
import { createBridgeServices, type BridgeServices } from '../support/bridge/bridge-services';
import { BerthPage } from './pages/berth-page';

const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');
const FAKE_BIN = path.resolve(__dirname, '../support/gpu/fake-bin');
const CAPTURE = path.resolve(
  __dirname,
  '../../../shared/fixtures/nvidia-smi/csv/from-captures/linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01',
);

/**
 * The GPU page on a host "with" an H100: a stand-in nvidia-smi answers from a real capture, so the
 * cards, the live metrics and the polling lifecycle run end to end on a machine without a GPU.
 */
test.describe('GPU page with live metrics (recorded H100)', () => {
  test.skip(!existsSync(CAPTURE), `the shared nvidia-smi captures are absent (${CAPTURE})`);

  let backend: BridgeServices;
  let bridge: Bridge;
  let callLog: string;
  let logDir: string;

  test.beforeAll(async () => {
    logDir = mkdtempSync(path.join(os.tmpdir(), 'berth-fake-nvidia-'));
    callLog = path.join(logDir, 'calls.log');
    backend = await createBridgeServices({
      ...process.env,
      PATH: `${FAKE_BIN}${path.delimiter}${process.env.PATH ?? ''}`,
      FAKE_NVIDIA_SMI_CAPTURE: CAPTURE,
      FAKE_NVIDIA_SMI_LOG: callLog,
    });
    bridge = await startBridge({
      rendererDir: RENDERER_DIR,
      handlers: backend.handlers,
      streams: backend.services.streams,
    });
  });

  test.afterAll(async () => {
    await bridge?.close();
    await backend?.dispose();
    rmSync(logDir, { recursive: true, force: true });
  });

  const metricCalls = () =>
    existsSync(callLog)
      ? readFileSync(callLog, 'utf8')
          .split('\n')
          .filter((line) => line.includes('utilization.gpu')).length
      : 0;

  test('shows the GPU with live sparklines, and stops polling when the page is left', async ({ page }) => {
    const berth = new BerthPage(page);
    await berth.open(bridge.pageUrl);
    await berth.goTo('gpus');
    const card = page.getByTestId('gpu-card');
    await expect(card).toContainText('GPU 0: NVIDIA H100 80GB HBM3');
    await expect(card).toContainText('Utilization 100%');
    await expect(card).toContainText('19.4 GiB / 79.6 GiB');
    await expect(card).toContainText('59 °C · 632 W of 700 W');
    // Two samples, 2 s apart, draw a line.
    await expect(card.getByRole('img', { name: 'GPU utilization' }).locator('polyline')).toHaveAttribute(
      'points',
      /\d+\.\d,\d+\.\d \d+\.\d,\d+\.\d/,
      { timeout: 10_000 },
    );

    await berth.goTo('containers');
    const callsWhenLeft = metricCalls();
    expect(callsWhenLeft).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(5_000); // more than two polling intervals
    expect(metricCalls()).toBeLessThanOrEqual(callsWhenLeft + 1); // at most the call already in flight
  });
});
