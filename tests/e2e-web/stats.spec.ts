import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { useThrowawayProject } from './throwaway-project';
import { BerthPage } from './pages/berth-page';
import { ProjectsPage } from './pages/projects-page';
import { TEST_IMAGE } from '../support/require-engine';

test.describe('live resource use against the real engine', () => {
  const project = useThrowawayProject('berth-e2e-stats');

  test('service cards show CPU, memory against the limit (a sparkline without one); the Stats page lists and sorts every container', async ({
    page,
  }) => {
    const { name, dir } = project();
    await writeFile(
      path.join(dir, 'compose.yaml'),
      `name: ${name}
services:
  worker:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
    mem_limit: 64m
  unlimited:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
`,
    );
    const projects = new ProjectsPage(page);
    await projects.addFolder(dir);
    await projects.view(name).getByTestId('project-up').click();
    const card = projects.card(name, 'worker');
    await expect(card).toHaveAttribute('data-state', 'running', { timeout: 60_000 });

    // Two readings give a CPU figure; the limit is the container's own 64 MiB.
    await expect(card.getByTestId('service-cpu')).toHaveText(/^\d+(\.\d)?%$/, { timeout: 20_000 });
    await expect(card.getByTestId('service-memory')).toContainText('/ 64 MB');
    await expect(card.getByTestId('memory-bar')).toHaveAttribute('data-tone', 'ok');
    const unlimited = projects.card(name, 'unlimited');
    await expect(unlimited.getByRole('img', { name: 'Memory of unlimited, last minutes' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(unlimited.getByTestId('memory-bar')).toHaveCount(0);

    const shell = new BerthPage(page);
    await shell.goTo('stats');
    const row = page.locator(`[data-testid="stats-row"][data-container="${name}-worker-1"]`);
    await expect(row).toBeVisible({ timeout: 20_000 });
    await expect(row).toContainText(`${name} · worker`);
    await expect(row.getByTestId('stats-pids')).toHaveText(/^\d+$/);

    const pidsHeader = page.getByRole('columnheader', { name: 'PIDs' });
    await pidsHeader.getByRole('button').click();
    await expect(pidsHeader).toHaveAttribute('aria-sort', 'descending');
    await pidsHeader.getByRole('button').press('Enter');
    await expect(pidsHeader).toHaveAttribute('aria-sort', 'ascending');
  });
});
