import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { startBridge, type Bridge } from '../support/bridge/bridge-server';
import { createBridgeServices, type BridgeServices } from '../support/bridge/bridge-services';
import { skipWithoutPrivateDockerd } from '../support/private-dockerd';
import { requireEngine, TEST_IMAGE } from '../support/require-engine';
import { startSwarmEngine, type SwarmEngine } from '../support/swarm/swarm-engine';
import { BerthPage } from './pages/berth-page';
import { LogsPageObject } from './pages/logs-page';
import { TerminalPage } from './pages/terminal-page';
import { RENDERER_DIR } from './fake-gpu-host';

/**
 * Berth pointed (through DOCKER_HOST) at a one-node swarm this test owns: a private dockerd in a network namespace
 * of its own, never the engine other tests use. A project goes to the swarm from the Cluster page, is scaled from
 * the keyboard, its service's logs are read merged across its tasks, and it is removed only once its name is typed.
 */
test.describe('Cluster page on a swarm manager', () => {
  test.skip(skipWithoutPrivateDockerd(), 'needs a private dockerd: root and a dockerd binary');

  let swarm: SwarmEngine;
  let backend: BridgeServices;
  let bridge: Bridge;
  let project: string;

  test.beforeAll(async () => {
    const engine = await requireEngine();
    test.skip(!engine.available, `no Docker engine to copy the test image from: ${engine.reason}`);
    swarm = await startSwarmEngine({ name: 'e2e-cluster', images: [TEST_IMAGE], source: engine.docker });
    backend = await createBridgeServices({ ...process.env, DOCKER_HOST: swarm.dockerHost });
    bridge = await startBridge({ rendererDir: RENDERER_DIR, operations: backend.operations, streams: backend.streams });
    project = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-swarm-'));
    await writeFile(
      path.join(project, 'compose.yaml'),
      `name: e2e-swarm\nservices:\n  web:\n    image: ${TEST_IMAGE}\n    command: ["sh", "-c", "echo web says hello; while true; do sleep 1; done"]\n    stop_grace_period: 1s\n    deploy: {replicas: 1, endpoint_mode: dnsrr}\n  broken:\n    image: berth-test-missing:1\n    deploy: {endpoint_mode: dnsrr, restart_policy: {condition: none}}\n`,
    );
    await backend.operations['projects.add']({ directory: project });
  });

  test.afterAll(async () => {
    await bridge?.close();
    await backend?.dispose();
    await swarm?.dispose();
    if (project) await rm(project, { recursive: true, force: true });
  });

  test('deploys a project as a stack, scales a service, opens a shell in a task, reads its logs and removes the stack', async ({
    page,
  }) => {
    const berth = new BerthPage(page);
    await berth.open(bridge.pageUrl);
    await berth.waitForEngine('connected');
    await berth.goTo('cluster');
    await expect(page.getByTestId('cluster-page')).toHaveAttribute('data-status', 'ready');
    await expect(page.getByTestId('cluster-node')).toHaveCount(1);
    await expect(page.getByTestId('cluster-node')).toContainText('manager (leader)');
    await expect(page.getByTestId('cluster-no-stacks')).toBeVisible();

    await page.getByTestId('cluster-deploy').click();
    const stackName = page.getByTestId('cluster-deploy-stack');
    await expect(stackName).toHaveValue('e2e-swarm');
    await stackName.fill('shop');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cluster-deploy-done')).toContainText('Deployed stack shop');
    await expect(page.getByTestId('cluster-deploy-lines')).toContainText('service shop_web: create');
    await expect(page.getByTestId('cluster-deploy-lines')).toContainText(
      'broken: image ignored by Swarm: berth-test-missing:1 is neither on this engine nor found in a registry',
    );
    await page.keyboard.press('Escape');

    const web = page.locator('[data-testid="cluster-service"][data-service="shop_web"]');
    await expect(web.getByTestId('cluster-service-replicas')).toHaveText('1/1', { timeout: 30_000 });
    // A task that can't start says why, on its service's row and in its tasks.
    const broken = page.locator('[data-testid="cluster-service"][data-service="shop_broken"]');
    await expect(broken.getByTestId('cluster-service-failing')).toBeVisible({ timeout: 30_000 });
    await broken.getByTestId('cluster-service-tasks-toggle').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cluster-task-error').first()).toContainText('berth-test-missing:1');
    await page.keyboard.press('Enter');
    const axe = await new AxeBuilder({ page }).include('[data-testid="cluster-page"]').analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

    const replicas = web.getByTestId('cluster-scale-input');
    await replicas.fill('2');
    await replicas.press('Enter');
    await expect(web.getByTestId('cluster-service-replicas')).toHaveText('2/2', { timeout: 30_000 });
    await web.getByTestId('cluster-service-tasks-toggle').click();
    const running = page.locator('[data-testid="cluster-task"][data-state="running"]');
    await expect(running).toHaveCount(2);
    // Both tasks run on the engine Berth is connected to: each has a shell; a task that never ran has none.
    for (const shell of await running.getByTestId('cluster-task-shell').all()) await expect(shell).toBeEnabled();
    await broken.getByTestId('cluster-service-tasks-toggle').click();
    const brokenShell = page.getByRole('table', { name: 'Tasks of shop_broken' }).getByTestId('cluster-task-shell');
    await expect(brokenShell.first()).toBeDisabled();
    await expect(brokenShell.first()).toHaveAttribute('title', /only a running task has a shell/);
    const tables = await new AxeBuilder({ page }).include('[data-testid="cluster-page"]').analyze();
    expect(tables.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

    // A shell in a task's container, through the engine that runs it.
    const taskName = (await running.first().locator('td').first().textContent()) ?? '';
    await running.first().getByTestId('cluster-task-shell').click();
    const terminals = new TerminalPage(page);
    await expect(page.getByTestId('page-terminals')).toBeVisible();
    await terminals.waitForRunning(taskName);
    await terminals.useDomRenderer();
    await terminals.run('echo in-task-$((6*7))');
    await expect(terminals.screen()).toContainText('in-task-42');
    await berth.goTo('cluster');

    // The service's logs, merged across its tasks, each line under its task's name.
    await web.getByTestId('cluster-service-logs').click();
    const logs = new LogsPageObject(page);
    await expect(logs.target.locator('option:checked')).toHaveText('Swarm service shop_web (all tasks)');
    await expect(logs.row('web says hello')).toHaveCount(2, { timeout: 30_000 });
    await expect(logs.sourceToggle('shop_web.1')).toBeVisible();
    await expect(logs.sourceToggle('shop_web.2')).toBeVisible();
    await berth.goTo('cluster');

    await page.getByTestId('cluster-remove-stack').click();
    const typed = page.getByTestId('volume-confirm-input');
    await typed.fill('sho');
    await expect(page.getByTestId('volume-confirm-ok')).toBeDisabled();
    await typed.fill('shop');
    await typed.press('Enter');
    await expect(page.getByTestId('cluster-notice')).toHaveText(
      'Removed stack shop: 2 services, 1 networks, 0 secrets, 0 configs.',
      { timeout: 60_000 },
    );
    await expect(page.getByTestId('cluster-stack')).toHaveCount(0);
    await expect(page.getByTestId('cluster-no-stacks')).toBeVisible();
  });

  test('follows the engine from "not a swarm manager" to a swarm after `docker swarm init`, without a reload', async ({
    page,
  }) => {
    await swarm.docker.swarmLeave({ force: true });
    try {
      const berth = new BerthPage(page);
      await berth.open(bridge.pageUrl);
      await berth.waitForEngine('connected');
      await berth.goTo('cluster');
      await expect(page.getByTestId('cluster-not-swarm')).toBeVisible();
      await expect(page.getByTestId('cluster-deploy')).toBeDisabled();
    } finally {
      await swarm.docker.swarmInit({ ListenAddr: '127.0.0.1:2377', AdvertiseAddr: '127.0.0.1' });
    }
    await expect(page.getByTestId('cluster-page')).toHaveAttribute('data-status', 'ready', { timeout: 15_000 });
    await expect(page.getByTestId('cluster-node')).toHaveCount(1);
    await expect(page.getByTestId('cluster-node')).toContainText('manager (leader)');
    await expect(page.getByTestId('cluster-deploy')).toBeEnabled();
  });
});
