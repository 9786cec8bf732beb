import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { TEST_IMAGE } from '../support/require-engine';

/**
 * The Cluster page against the engine the e2e bridge talks to, which is not a swarm manager (tests never run
 * `docker swarm init` on it): the page says so and what to do, and a project still exports to Kubernetes.
 */
test.describe('Cluster page', () => {
  let root: string;

  test.beforeEach(async ({ engine }) => {
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
    root = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-cluster-'));
  });

  test.afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('explains that the engine is not a swarm manager, and how to make it one', async ({ berth, page }) => {
    await berth.waitForEngine('connected');
    await berth.goTo('cluster');
    const guidance = page.getByTestId('cluster-not-swarm');
    await expect(guidance).toBeVisible();
    await expect(guidance.getByRole('heading')).toHaveText('This engine is not a swarm manager');
    await expect(page.getByTestId('cluster-not-swarm-reason')).toContainText(/not a swarm manager/i);
    await expect(page.getByTestId('cluster-swarm-init')).toHaveText('docker swarm init');
    await expect(guidance).toContainText('engine switcher');
    await expect(page.getByTestId('cluster-page')).toHaveAttribute('data-status', 'unavailable');

    // "Check again" is a real button: reachable and usable from the keyboard, and it asks the engine again.
    const retry = page.getByTestId('cluster-retry');
    await retry.focus();
    await page.keyboard.press('Enter');
    await expect(guidance).toBeVisible();
  });

  test('exports a project to Kubernetes into the folder picked, listing what could not be mapped', async ({
    berth,
    backend,
    page,
  }) => {
    const project = path.join(root, 'cluster-e2e-export');
    await mkdir(project);
    await writeFile(
      path.join(project, 'compose.yaml'),
      `services:\n  web:\n    image: ${TEST_IMAGE}\n    ports: ["8080:80"]\n    volumes: ["./site:/srv"]\n    depends_on: [db]\n  db:\n    image: ${TEST_IMAGE}\n`,
    );
    await backend.operations['projects.add']({ directory: project });
    const out = path.join(root, 'manifests');
    backend.pickedFolder = out;

    await berth.waitForEngine('connected');
    await berth.goTo('cluster');
    await expect(page.getByTestId('cluster-project')).toHaveValue(project);
    await expect(page.getByTestId('cluster-deploy')).toBeDisabled();
    await page.getByTestId('cluster-export').click();

    await expect(page.getByTestId('cluster-export-summary')).toContainText('Wrote ');
    const files = await readdir(out);
    await expect(page.getByTestId('cluster-export-summary')).toHaveText(
      `Wrote ${files.length} manifests of cluster-e2e-export to ${out}; every one validates against the Kubernetes schemas.`,
    );
    expect(files).toContain('web-deployment.yaml');
    const findings = page.getByTestId('cluster-export-findings');
    await expect(findings).toContainText('depends_on');
    await expect(findings).toContainText('volumes');

    backend.pickedFolder = null;
    await page.getByTestId('cluster-export').click();
    await expect(page.getByTestId('cluster-export-summary')).toContainText('No folder chosen: nothing was written.');
  });
});
