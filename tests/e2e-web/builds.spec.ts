import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { useThrowawayProject } from './throwaway-project';
import { ProjectsPage } from './pages/projects-page';
import { TEST_IMAGE } from '../support/require-engine';

const run = promisify(execFile);
const SERVER = `["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`;

test.describe('builds and watch against the real engine', () => {
  const project = useThrowawayProject('berth-e2e-build');

  test('Up builds with a timeline of steps, then Watch syncs an edited file into the running container', async ({
    page,
  }) => {
    const { name, dir } = project();
    await writeFile(
      path.join(dir, 'Dockerfile'),
      `FROM ${TEST_IMAGE}\nRUN echo preparing the environment && mkdir -p /srv\nCOPY src/ /srv/\n`,
    );
    await project().write({ 'src/train.py': 'print("v1")\n' });
    await writeFile(
      path.join(dir, 'compose.yaml'),
      `name: ${name}
services:
  trainer:
    build: .
    command: ${SERVER}
    develop:
      watch:
        - {path: ./src, action: sync, target: /srv}
`,
    );
    const projects = new ProjectsPage(page);
    await projects.addFolder(dir);
    const view = projects.view(name);
    await view.getByTestId('project-up').click();

    const timeline = view.locator('[data-testid="build-timeline"][data-service="trainer"]');
    await expect(timeline).toHaveAttribute('data-status', 'built', { timeout: 90_000 });
    await timeline.getByRole('button', { name: /Built trainer/ }).click();
    await expect(timeline.getByTestId('build-step').filter({ hasText: 'RUN echo preparing' })).toBeVisible();
    await expect(projects.card(name, 'trainer')).toHaveAttribute('data-state', 'running', { timeout: 60_000 });

    const watch = view.getByTestId('watch');
    await watch.getByTestId('watch-toggle').click();
    await expect(watch).toHaveAttribute('data-state', 'watching', { timeout: 20_000 });
    await writeFile(path.join(dir, 'src', 'train.py'), 'print("v2")\n');
    await expect(watch).toContainText('Synced', { timeout: 20_000 });
    const { stdout } = await run('docker', ['exec', `${name}-trainer-1`, 'cat', '/srv/train.py']);
    expect(stdout).toBe('print("v2")\n');

    await watch.getByTestId('watch-toggle').click();
    await expect(watch).toHaveAttribute('data-state', 'stopped');
  });
});
