import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { TEST_IMAGE } from '../support/require-engine';

test.describe('GPUs against the real engine (a machine without GPUs)', () => {
  test.beforeEach(({ engine }) => {
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
  });

  test('the GPU page says whether containers can use GPUs, why, and what to do', async ({ berth, page, engine }) => {
    const info = await engine.docker.info();
    await berth.waitForEngine('connected');
    await berth.goTo('gpus');
    const panel = page.getByTestId('gpu-capability');
    await expect(panel).toHaveAttribute('data-verdict', /yes|no|unknown/);
    await expect(page.getByTestId('gpu-because')).not.toBeEmpty();
    await expect(panel).toContainText(Object.keys(info.Runtimes ?? {})[0] ?? 'runc');
    if ((await panel.getAttribute('data-verdict')) !== 'yes') await expect(page.getByTestId('gpu-fix')).not.toBeEmpty();
    // No nvidia-smi and no AMD device here: the page lists what it looked for instead of an empty screen.
    await expect(page.getByTestId('gpu-none')).toContainText('nvidia-smi');
  });

  test('a service that requests a GPU gets a badge on the Containers page', async ({ berth, engine }) => {
    const project = `berth-gpu-${randomUUID().slice(0, 8)}`;
    const container = await engine.docker.createContainer({
      Image: TEST_IMAGE,
      name: `${project}-trainer-1`,
      Cmd: ['sleep', '60'],
      Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': 'trainer' },
      HostConfig: { DeviceRequests: [{ Driver: 'nvidia', Count: 2, Capabilities: [['gpu']] }] },
    });
    try {
      await berth.page.reload();
      await berth.waitForEngine('connected');
      await berth.goTo('containers');
      await expect(berth.containerRow(container.id).getByTestId('gpu-badge')).toHaveText('GPU ×2');
    } finally {
      await container.remove({ force: true });
    }
  });
});
