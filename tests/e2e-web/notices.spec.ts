import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { useThrowawayProject } from './throwaway-project';
import { ProjectsPage } from './pages/projects-page';
import { TEST_IMAGE } from '../support/require-engine';

const run = promisify(execFile);

test.describe('notices about services that die, against the real engine', () => {
  const project = useThrowawayProject('berth-e2e-notice');

  test('an OOM-killed service shows on its card and as a toast with a system notification; muting stops them', async ({
    page,
    backend,
  }) => {
    const { name, dir } = project();
    await writeFile(
      path.join(dir, 'compose.yaml'),
      `name: ${name}
services:
  trainer:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "sleep 2; echo loading dataset into memory...; exec tail /dev/zero"]
    mem_limit: 8m
    memswap_limit: 8m
`,
    );
    const projects = new ProjectsPage(page);
    await projects.addFolder(dir);
    await projects.view(name).getByTestId('project-up').click();

    const toast = page.locator(`[data-testid="toast"][data-project="${name}"]`);
    await expect(toast).toHaveAttribute('data-kind', 'oom-killed', { timeout: 60_000 });
    await expect(toast.getByTestId('toast-title')).toHaveText('trainer was OOM-killed');
    await expect(toast).toContainText('Out of memory at its 8.0 MiB limit (exit 137).');
    await expect.poll(() => backend.notifications.map((n) => n.title)).toContain('trainer was OOM-killed');

    const card = projects.card(name, 'trainer');
    await expect(card).toHaveAttribute('data-tone', 'bad');
    await expect(card.getByTestId('service-detail')).toContainText('OOM-killed');

    await page.getByTestId('mute-notices').click();
    await expect(page.getByTestId('mute-notices')).toHaveAttribute('aria-pressed', 'true');
    await expect(toast).toHaveCount(0);
    const before = backend.notifications.length;
    const state = async () =>
      (
        await run('docker', ['inspect', '-f', '{{.State.StartedAt}} {{.State.Status}}', `${name}-trainer-1`])
      ).stdout.trim();
    const firstRun = await state();
    await card.getByTestId('service-start').click();
    // Killed again: the second run started later and has ended too.
    await expect
      .poll(
        async () => {
          const [startedAt, status] = (await state()).split(' ');
          return startedAt !== firstRun.split(' ')[0] && status === 'exited';
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    await expect(card).toHaveAttribute('data-state', 'exited');
    await expect(toast).toHaveCount(0);
    expect(backend.notifications.length).toBe(before);
    await page.getByTestId('mute-notices').click();
    await expect(page.getByTestId('mute-notices')).toHaveAttribute('aria-pressed', 'false');
  });
});
