import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { ProjectsPage } from './pages/projects-page';
import { TEST_IMAGE } from '../support/require-engine';

const run = promisify(execFile);
/** Runs until stopped, and exits 143 on SIGTERM: what a server that handles the stop signal reports. */
const SERVER = `["sh", "-c", "trap 'exit 143' TERM; while true; do sleep 1; done"]`;

async function composeDown(project: string): Promise<void> {
  await run('docker', ['compose', '-p', project, 'down', '--timeout', '0']).catch(() => undefined);
}

async function projectFolder(root: string, name: string, compose: string): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir);
  await writeFile(path.join(dir, 'compose.yaml'), `name: ${name}\n${compose}`);
  return dir;
}

/** A TCP listener on a free loopback port: a program holding the port a service wants. */
async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

test.describe('truthful state on the Projects page', () => {
  let root: string;
  const started: string[] = [];

  test.beforeEach(async ({ engine, berth }) => {
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
    root = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-states-'));
    await berth.waitForEngine('connected');
  });

  test.afterEach(async () => {
    for (const project of started.splice(0)) await composeDown(project);
    await rm(root, { recursive: true, force: true });
  });

  test('a failed service looks different from a stopped one and from a completed one', async ({ page }) => {
    const name = `berth-e2e-st-${randomUUID().slice(0, 8)}`;
    started.push(name);
    const dir = await projectFolder(
      root,
      name,
      `services:
  trainer:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "echo 'ValueError: bad shape' >&2; exit 3"]
  job:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "echo done"]
  server:
    image: ${TEST_IMAGE}
    command: ${SERVER}
`,
    );
    const projects = new ProjectsPage(page);
    await projects.addFolder(dir);
    await projects.view(name).getByTestId('project-up').click();
    const trainer = projects.card(name, 'trainer');
    const job = projects.card(name, 'job');
    const server = projects.card(name, 'server');
    await expect(server).toHaveAttribute('data-state', 'running', { timeout: 60_000 });
    await server.getByTestId('service-stop').click();

    await expect(trainer).toHaveAttribute('data-status', 'error-exit', { timeout: 30_000 });
    await expect(trainer).toHaveAttribute('data-tone', 'bad');
    await expect(trainer.getByTestId('service-state')).toHaveText('failed');
    await expect(trainer.getByTestId('service-detail')).toContainText('3');
    await expect(job).toHaveAttribute('data-status', 'completed');
    await expect(job).toHaveAttribute('data-tone', 'idle');
    await expect(server).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 });
    await expect(server.getByTestId('service-state')).toHaveText('stopped');

    // Failed is red, the other two grey: the card's edge says it before the words do.
    const edge = (card: typeof job) => card.evaluate((element) => getComputedStyle(element).borderLeftColor);
    expect(await edge(trainer)).not.toBe(await edge(job));
    expect(await edge(job)).toBe(await edge(server));

    // The list and the sidebar say it too.
    await expect(projects.project(name)).toHaveAttribute('data-tone', 'bad');
    await expect(projects.project(name).getByTestId('project-item-summary')).toHaveText('0/3 running · 1 failed');
    await expect(page.getByTestId('nav-failed-badge')).toBeVisible();
  });

  test('uptime is computed from the start time and keeps ticking', async ({ page, bridge }) => {
    const name = `berth-e2e-up-${randomUUID().slice(0, 8)}`;
    started.push(name);
    const dir = await projectFolder(
      root,
      name,
      `services:\n  api:\n    image: ${TEST_IMAGE}\n    command: ${SERVER}\n`,
    );
    await run('docker', ['compose', 'up', '-d'], { cwd: dir });
    // A clock the test can move: the page's timers and Date follow it; the engine's start time stays real.
    // A fresh document, so the app's timers are created on the fake clock (the page may already show the app).
    await page.goto('about:blank');
    await page.clock.install({ time: new Date() });
    await page.goto(bridge.pageUrl);
    const projects = new ProjectsPage(page);
    await projects.addFolder(dir);
    const uptime = projects.card(name, 'api').getByTestId('service-uptime');
    await expect(uptime).toHaveText('less than a minute', { timeout: 30_000 });
    // No engine event in between: only the shared 15-second tick can move it.
    await page.clock.runFor('03:10');
    await expect(uptime).toHaveText('3 min');
    await page.clock.runFor('01:02:00');
    await expect(uptime).toHaveText('1 h 5 min');
  });

  test('a service waiting for a dependency says so while the operation runs', async ({ page }) => {
    const name = `berth-e2e-wait-${randomUUID().slice(0, 8)}`;
    started.push(name);
    const dir = await projectFolder(
      root,
      name,
      `services:
  mlflow:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "sleep 6; touch /tmp/ready; trap 'exit 0' TERM; while true; do sleep 1; done"]
    healthcheck: { test: ["CMD", "test", "-f", "/tmp/ready"], interval: 1s, retries: 30 }
  api:
    image: ${TEST_IMAGE}
    command: ${SERVER}
    depends_on:
      mlflow:
        condition: service_healthy
`,
    );
    const projects = new ProjectsPage(page);
    await projects.addFolder(dir);
    await projects.view(name).getByTestId('project-up').click();
    const api = projects.card(name, 'api');
    await expect(api.getByTestId('service-waiting')).toHaveText('waiting for mlflow (healthy)', { timeout: 30_000 });
    await expect(api).toHaveAttribute('data-status', 'pending');
    await expect(api).toHaveAttribute('data-state', 'running', { timeout: 60_000 });
    await expect(api.getByTestId('service-waiting')).toHaveCount(0);
  });

  test('errors show through the one error component: message, fix, raw details folded, kept until dismissed', async ({
    page,
  }) => {
    const name = `berth-e2e-port-${randomUUID().slice(0, 8)}`;
    started.push(name);
    const { port, server } = await occupiedPort();
    try {
      const dir = await projectFolder(
        root,
        name,
        `services:\n  web:\n    image: ${TEST_IMAGE}\n    command: ${SERVER}\n    ports: ["127.0.0.1:${port}:80"]\n`,
      );
      const projects = new ProjectsPage(page);
      await projects.addFolder(dir);
      await projects.view(name).getByTestId('project-up').click();
      const card = projects.card(name, 'web');
      const error = card.getByTestId('service-error');
      await expect(error).toBeVisible({ timeout: 60_000 });
      await expect(error.getByTestId('error-message')).toContainText(String(port));
      await expect(error.getByTestId('error-fix')).not.toBeEmpty();
      // Long engine text never widens the card.
      const widths = await card.evaluate((element) => [element.scrollWidth, element.clientWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
      // It stays through another operation on the project, until dismissed.
      await projects.menuAction(name, 'project-pull');
      await expect(projects.view(name).getByTestId('operation')).toHaveCount(0, { timeout: 60_000 });
      await expect(error).toBeVisible();
      await error.getByTestId('error-dismiss').click();
      await expect(error).toHaveCount(0);

      // The add-folder dialog shows its error with the same component.
      await page.getByTestId('add-project').click();
      await page.getByTestId('add-project-path').fill(path.join(root, 'no-such-folder'));
      await page.getByTestId('add-project-submit').click();
      const addError = page.getByTestId('add-project-error');
      await expect(addError).toHaveClass(/error-note/);
      await expect(addError.getByTestId('error-message')).toContainText('no-such-folder');
    } finally {
      server.close();
    }
  });
});
