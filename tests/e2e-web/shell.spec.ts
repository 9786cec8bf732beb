import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { TEST_IMAGE } from '../support/require-engine';

test.describe('app shell against the real engine', () => {
  test.beforeEach(({ engine }) => {
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
  });

  test('the status bar shows the real engine version', async ({ berth, engine }) => {
    const version = await engine.docker.version();
    await berth.waitForEngine('connected');
    await expect(berth.engineSummary).toContainText(version.Version);
    await expect(berth.engineSummary).toContainText(`API ${version.ApiVersion}`);
  });

  test('a started container appears on the Containers page within 1 s of its start event', async ({
    berth,
    engine,
  }) => {
    await berth.waitForEngine('connected');
    await berth.goTo('containers');
    const project = `berth-e2e-${randomUUID().slice(0, 8)}`;
    const container = await engine.docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sleep', '300'],
      name: `${project}-app-1`,
      Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': 'app' },
    });
    try {
      const events = await engine.docker.getEvents({ filters: { container: [container.id], event: ['start'] } });
      const started = new Promise<number>((resolve) => events.once('data', () => resolve(Date.now())));
      await container.start();
      const startEventAt = await started;
      (events as unknown as { destroy(): void }).destroy();

      // Polled every animation frame, so the measurement isn't rounded up to Playwright's retry intervals.
      await berth.page.waitForFunction(
        (id) => document.querySelector(`[data-container-id="${id}"]`)?.getAttribute('data-state') === 'running',
        container.id,
        { polling: 'raf', timeout: 5_000 },
      );
      const visibleAfterMs = Date.now() - startEventAt;
      expect(visibleAfterMs).toBeLessThan(1_000);
      const row = berth.containerRow(container.id);
      await expect(berth.projectGroup(project)).toContainText('1/1 running');

      await container.stop({ t: 0 });
      await expect(row).toHaveAttribute('data-state', 'exited');
      await container.remove();
      await expect(row).toHaveCount(0);
    } finally {
      await container.remove({ force: true }).catch(() => undefined);
    }
  });

  test('pages are reachable from the keyboard and the theme switches', async ({ berth, page }) => {
    await page.keyboard.press('Control+6');
    await expect(page.getByTestId('page-gpus')).toBeVisible();
    await page.keyboard.press('Control+2');
    await expect(page.getByTestId('page-containers')).toBeVisible();
    await page.getByTestId('theme-light').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.getByTestId('theme-light')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('theme-dark').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(berth.statusBar).toBeVisible();
  });
});
