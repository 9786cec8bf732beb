import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startFakeGpuHost, H100_CAPTURE, type FakeGpuHost } from './fake-gpu-host';
import { BerthPage } from './pages/berth-page';

/**
 * The GPU page on a host "with" an H100: a stand-in nvidia-smi answers from a real capture, so the
 * cards, the live metrics and the polling lifecycle run end to end on a machine without a GPU.
 */
test.describe('GPU page with live metrics (recorded H100)', () => {
  test.skip(!existsSync(H100_CAPTURE), `the shared nvidia-smi captures are absent (${H100_CAPTURE})`);

  let host: FakeGpuHost | undefined;
  let callLog: string;
  let logDir: string;

  test.beforeAll(async () => {
    logDir = mkdtempSync(path.join(os.tmpdir(), 'berth-fake-nvidia-'));
    callLog = path.join(logDir, 'calls.log');
    host = await startFakeGpuHost({ FAKE_NVIDIA_SMI_LOG: callLog });
  });

  test.afterAll(async () => {
    await host?.close();
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
    await berth.open(host!.bridge.pageUrl);
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
