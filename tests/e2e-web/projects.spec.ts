import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, freshBridge, test } from './fixtures';
import { ProjectsPage } from './pages/projects-page';
import { standInBusybox } from '../support/busybox-stand-in';
import { TEST_IMAGE } from '../support/require-engine';

const run = promisify(execFile);
const IDLE = `["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`;
const HEALTHY = `{ test: ["CMD", "true"], interval: 1s, retries: 3 }`;

/** A project folder in the `docker/compose.<stack>.yml` layout: a data stack, and a web stack that needs it. */
async function twoStackProject(root: string, name: string): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(path.join(dir, 'docker'), { recursive: true });
  await writeFile(
    path.join(dir, 'docker', 'compose.data.yml'),
    `name: ${name}\nservices:\n  db:\n    image: ${TEST_IMAGE}\n    command: ${IDLE}\n    healthcheck: ${HEALTHY}\n  cache:\n    image: ${TEST_IMAGE}\n    command: ${IDLE}\n`,
  );
  await writeFile(
    path.join(dir, 'docker', 'compose.web.yml'),
    `services:\n  web:\n    image: ${TEST_IMAGE}\n    command: ${IDLE}\n    healthcheck: ${HEALTHY}\n    depends_on:\n      db:\n        condition: service_healthy\n`,
  );
  return dir;
}

async function composeDown(project: string): Promise<void> {
  await run('docker', ['compose', '-p', project, 'down', '--timeout', '0']).catch(() => undefined);
}

test.describe('Projects: stacks, cards, templates', () => {
  let root: string;
  const started: string[] = [];

  test.beforeEach(async ({ engine, berth }) => {
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
    root = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-projects-'));
    await berth.waitForEngine('connected');
  });

  test.afterEach(async () => {
    for (const project of started.splice(0)) await composeDown(project);
    await rm(root, { recursive: true, force: true });
  });

  test('first run opens on the template gallery', async ({ page }) => {
    const bridge = await freshBridge();
    try {
      await page.goto(bridge.pageUrl);
      await expect(page.getByTestId('first-run')).toBeVisible();
      await expect(page.getByTestId('template-card')).toHaveCount(5);
    } finally {
      await bridge.close();
    }
  });

  test('a folder with two stacks: toggle one on, see it running and healthy, toggle it off', async ({ page }) => {
    const name = `berth-e2e-${randomUUID().slice(0, 8)}`;
    started.push(name);
    const projects = new ProjectsPage(page);
    await projects.addFolder(await twoStackProject(root, name));
    await expect(projects.project(name)).toBeVisible();
    await expect(projects.view(name).getByTestId('stack')).toHaveCount(2);

    const web = projects.stack(name, 'web');
    await web.getByTestId('stack-toggle').click();
    // The UI says what else starts before it does.
    await expect(page.getByTestId('confirm-affected')).toContainText('db');
    await page.getByTestId('confirm-ok').click();
    await projects.expectRunning(name, ['web', 'db'], 'healthy');
    await expect(web).toHaveAttribute('data-state', 'on');
    await expect(projects.stack(name, 'data')).toHaveAttribute('data-state', 'partial');
    await expect(projects.card(name, 'cache')).toHaveAttribute('data-state', 'not created');

    await web.getByTestId('stack-toggle').click();
    await expect(projects.card(name, 'web')).toHaveAttribute('data-state', 'exited', { timeout: 30_000 });
    await expect(web).toHaveAttribute('data-state', 'off');
    await expect(projects.card(name, 'db')).toHaveAttribute('data-state', 'running');

    // Stopping what a running stack depends on asks first.
    await web.getByTestId('stack-toggle').click();
    await projects.expectRunning(name, ['web']);
    const data = projects.stack(name, 'data');
    await data.getByTestId('stack-toggle').click();
    await projects.expectRunning(name, ['cache']);
    await expect(data).toHaveAttribute('data-state', 'on');
    await data.getByTestId('stack-toggle').click();
    await expect(page.getByTestId('confirm-affected')).toContainText('web');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(projects.card(name, 'db')).toHaveAttribute('data-state', 'running');
  });

  test('a project started with the Compose CLI appears and can be stopped', async ({ page }) => {
    const name = `berth-e2e-cli-${randomUUID().slice(0, 8)}`;
    started.push(name);
    const dir = await twoStackProject(root, name);
    await run('docker', ['compose', '-f', 'docker/compose.data.yml', 'up', '-d', '--wait'], { cwd: dir });

    const projects = new ProjectsPage(page);
    await projects.open(name);
    await expect(projects.project(name)).toContainText('outside Berth');
    await projects.expectRunning(name, ['db', 'cache']);
    await projects.view(name).getByTestId('project-stop').click();
    await expect(projects.card(name, 'db')).toHaveAttribute('data-state', 'exited', { timeout: 30_000 });
    await expect(projects.card(name, 'cache')).toHaveAttribute('data-state', 'exited');
    const { stdout } = await run('docker', ['compose', '-p', name, 'ps', '-a', '--format', '{{.State}}']);
    expect(stdout.trim().split('\n')).toEqual(['exited', 'exited']);
  });

  test('an up that fails shows the error and its fix on the service card', async ({ page }) => {
    const name = `berth-e2e-fail-${randomUUID().slice(0, 8)}`;
    started.push(name);
    const dir = path.join(root, name);
    await mkdir(dir);
    // Port 1 on loopback refuses at once: a registry that isn't there, without waiting on the internet.
    await writeFile(
      path.join(dir, 'compose.yaml'),
      `services:\n  trainer:\n    image: 127.0.0.1:1/berth/missing:latest\n`,
    );
    const projects = new ProjectsPage(page);
    await projects.addFolder(dir);
    await projects.view(name).getByTestId('project-up').click();
    const error = projects.card(name, 'trainer').getByTestId('service-error');
    await expect(error).toBeVisible({ timeout: 30_000 });
    await expect(error).toContainText('127.0.0.1:1/berth/missing');
    await expect(error).toContainText('To fix:');
  });

  test('the .env editor masks secrets until revealed and saves', async ({ page }) => {
    const name = `berth-e2e-env-${randomUUID().slice(0, 8)}`;
    const dir = path.join(root, name);
    await mkdir(dir);
    await writeFile(path.join(dir, 'compose.yaml'), `services:\n  app:\n    image: ${TEST_IMAGE}\n`);
    await writeFile(path.join(dir, '.env'), '# keep me\nHF_TOKEN=hf_secret_value\nMODEL=qwen\n');
    const projects = new ProjectsPage(page);
    await projects.addFolder(dir);
    await projects.menuAction(name, 'project-env');
    const token = page.locator('[data-testid="env-row"][data-key="HF_TOKEN"] [data-testid="env-value"]');
    const model = page.locator('[data-testid="env-row"][data-key="MODEL"] [data-testid="env-value"]');
    await expect(token).toHaveAttribute('type', 'password');
    await expect(model).toHaveAttribute('type', 'text');
    await page.locator('[data-testid="env-row"][data-key="HF_TOKEN"] [data-testid="env-reveal"]').click();
    await expect(token).toHaveAttribute('type', 'text');
    await model.fill('llama');
    await page.getByTestId('env-save').click();
    await expect(page.getByTestId('env-status')).toContainText('Saved');
    expect(await readFile(path.join(dir, '.env'), 'utf8')).toBe('# keep me\nHF_TOKEN=hf_secret_value\nMODEL=llama\n');
  });

  for (const template of ['mlflow-tracking', 'gpu-jupyter', 'vllm-gateway', 'ollama-webui', 'monitoring']) {
    test(`template ${template} is created and comes up`, async ({ page, engine }) => {
      test.setTimeout(180_000);
      const dir = path.join(root, template);
      const volumesBefore = new Set(((await engine.docker.listVolumes()).Volumes ?? []).map((volume) => volume.Name));
      await new ProjectsPage(page).chooseTemplate(template);
      await page.getByTestId('template-directory').fill(dir);
      await page.getByTestId('template-create').click();
      await expect(page.getByTestId('create-template')).toHaveCount(0);
      const projectName = (await page.getByTestId('project-view').getAttribute('data-project'))!;
      started.push(projectName);
      await standInBusybox(dir);
      try {
        const projects = new ProjectsPage(page);
        await projects.view(projectName).getByTestId('project-up').click();
        await expect(projects.view(projectName).getByTestId('operation')).toHaveCount(0, { timeout: 150_000 });
        const cards = projects.view(projectName).getByTestId('service-card');
        for (const card of await cards.all()) {
          const state = await card.getAttribute('data-state');
          // One-shot jobs (bucket creation) finish; everything else runs and passes its healthcheck.
          if (state !== 'exited') await expect(card).toHaveAttribute('data-health', 'healthy', { timeout: 30_000 });
        }
        expect(await cards.count()).toBeGreaterThan(0);
      } finally {
        await composeDown(projectName);
        const created = ((await engine.docker.listVolumes()).Volumes ?? []).filter(
          (volume) => !volumesBefore.has(volume.Name),
        );
        for (const volume of created)
          await engine.docker
            .getVolume(volume.Name)
            .remove()
            .catch(() => undefined);
      }
    });
  }
});
