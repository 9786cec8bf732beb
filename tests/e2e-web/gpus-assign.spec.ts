import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type Docker from 'dockerode';
import { requireEngine, TEST_IMAGE, type TestEngine } from '../support/require-engine';
import { startFakeGpuHost, H100_CAPTURE, type FakeGpuHost } from './fake-gpu-host';
import { BerthPage } from './pages/berth-page';

/**
 * Pinning a GPU to a service from the GPU page, on a host "with" an H100 (a stand-in nvidia-smi answers from a
 * real capture). The service shows up because a container of it requests GPUs (created, never started); the pin
 * must land in Berth's own state, here a throwaway XDG_STATE_HOME.
 */
test.describe('assigning GPUs to a service from the GPU page', () => {
  test.skip(!existsSync(H100_CAPTURE), `the shared nvidia-smi captures are absent (${H100_CAPTURE})`);

  let engine: TestEngine;
  let host: FakeGpuHost | undefined;
  let stateHome: string;
  let container: Docker.Container | undefined;
  const project = `berth-pin-${randomUUID().slice(0, 8)}`;

  test.beforeAll(async () => {
    engine = await requireEngine();
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
    stateHome = mkdtempSync(path.join(os.tmpdir(), 'berth-e2e-state-'));
    container = await engine.docker.createContainer({
      Image: TEST_IMAGE,
      name: `${project}-trainer-1`,
      Cmd: ['sleep', '60'],
      Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': 'trainer' },
      HostConfig: { DeviceRequests: [{ Driver: 'nvidia', Count: -1, Capabilities: [['gpu']] }] },
    });
    host = await startFakeGpuHost({ XDG_STATE_HOME: stateHome });
  });

  test.afterAll(async () => {
    await host?.close();
    await container?.remove({ force: true });
    if (stateHome) rmSync(stateHome, { recursive: true, force: true });
  });

  const storedPins = () => {
    const file = path.join(stateHome, 'berth', 'gpu-assignments.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { projects: unknown }).projects : null;
  };

  test('pins GPU 0 with the keyboard, shows the pin, and goes back to the project default', async ({ page }) => {
    const berth = new BerthPage(page);
    await berth.open(host!.bridge.pageUrl);
    await berth.waitForEngine('connected');
    await berth.goTo('gpus');
    const row = page.getByTestId('gpu-assign').and(page.locator(`[data-service="${project}/trainer"]`));
    await expect(row.getByTestId('gpu-pin')).toHaveText('Project default (as the compose file asks)');

    const toggle = row.getByRole('button', { name: `Assign GPUs to ${project}/trainer` });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const form = row.getByRole('group', { name: `GPUs for ${project}/trainer` });
    await expect(form.getByRole('checkbox', { name: 'Project default' })).toBeChecked();
    const gpu0 = form.getByRole('checkbox', { name: 'GPU 0: NVIDIA H100 80GB HBM3' });
    await gpu0.focus();
    await page.keyboard.press('Space');
    await expect(gpu0).toBeChecked();
    await expect(form.getByRole('checkbox', { name: 'Project default' })).not.toBeChecked();
    await expect(row).toContainText('takes effect the next time the project is brought up or recreated');
    await row.getByRole('button', { name: 'Save' }).press('Enter');

    await expect(row.getByTestId('gpu-pin')).toHaveText('Pinned by Berth: GPU 0 (NVIDIA H100 80GB HBM3)');
    await expect(toggle).toBeFocused();
    expect(storedPins()).toEqual({ [project]: { trainer: ['0'] } });
    expect(await host!.backend.operations['gpus.assignments'](undefined)).toEqual([
      { project, service: 'trainer', deviceIds: ['0'] },
    ]);

    // The pin survives a reload (it is Berth's state, not the page's), and clearing it removes it.
    await page.reload();
    await berth.goTo('gpus');
    await expect(row.getByTestId('gpu-pin')).toHaveText('Pinned by Berth: GPU 0 (NVIDIA H100 80GB HBM3)');
    await toggle.click();
    await form.getByRole('checkbox', { name: 'Project default' }).check();
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByTestId('gpu-pin')).toHaveText('Project default (as the compose file asks)');
    expect(storedPins()).toEqual({});
  });
});
