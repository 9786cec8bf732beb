/**
 * Regenerates docs/screenshot-{light,dark}.png (the Projects page) and docs/pages/<page>.png (every page, dark): the
 * real UI, served by the test bridge against the real engine, with the MLflow template created and brought up by
 * Berth on busybox stand-ins. Run: npm run build && npx tsx scripts/take-screenshots.ts
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_PATH } from '../playwright.config';
import { startBridge } from '../tests/support/bridge/bridge-server';
import { createBridgeServices } from '../tests/support/bridge/bridge-services';
import { standInBusybox } from '../tests/support/busybox-stand-in';

const run = promisify(execFile);
const BERTH = path.resolve(__dirname, '../bin/berth.js');
const DOCS = path.resolve(__dirname, '../docs');
/** A container that prints like a training run, for the Logs page (the stand-in services print nothing). */
const DEMO_TRAINER = 'berth-demo-trainer';
const TRAINER_SCRIPT =
  'i=0; while [ $i -lt 60 ]; do i=$((i+1)); echo "epoch $i/60  loss=0.$((95 - i))  val_acc=0.$((30 + i))  lr=3e-4"; sleep 0.05; done; sleep 600';

/** What each page shows once opened: a page with something in it, as a user sees it after a click or two. */
const PAGE_SETUPS: Record<string, (page: Page) => Promise<void>> = {
  containers: async (page) => void (await page.getByTestId('container-row').first().waitFor()),
  logs: async (page) => {
    await page.getByTestId('nav-containers').click();
    await page
      .locator(`[data-testid="container-row"]:has-text("${DEMO_TRAINER}")`)
      .getByTestId('container-logs')
      .click();
    await page.getByTestId('log-row').first().waitFor();
  },
  terminals: async (page) => {
    await page.getByTestId('nav-projects').click();
    await page.getByTestId('service-shell').first().click();
    await page.locator('[data-testid="terminal-tab"][data-status="running"]').waitFor();
    await page.keyboard.type('ls /\n');
  },
  volumes: async (page) => void (await page.getByTestId('volume-row').first().waitFor()),
  stats: async (page) => void (await page.getByTestId('stats-row').first().waitFor()),
  disk: async (page) => void (await page.getByTestId('disk-images').waitFor()),
};

async function pageShots(page: Page): Promise<void> {
  await mkdir(path.join(DOCS, 'pages'), { recursive: true });
  for (const id of ['projects', 'containers', 'logs', 'terminals', 'volumes', 'gpus', 'stats', 'disk', 'cluster']) {
    await page.getByTestId(`nav-${id}`).click();
    await PAGE_SETUPS[id]?.(page).catch((error: unknown) => console.warn(`${id}: ${String(error)}`));
    if (id !== 'logs' && id !== 'terminals') await page.getByTestId(`nav-${id}`).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(DOCS, 'pages', `${id}.png`) });
  }
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'berth-screenshots-'));
  const projectDir = path.join(root, 'mlflow-tracking');
  const backend = await createBridgeServices();
  const bridge = await startBridge({
    rendererDir: path.resolve(__dirname, '../out/renderer'),
    operations: backend.operations,
    streams: backend.streams,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    await backend.operations['templates.create']({ templateId: 'mlflow-tracking', directory: projectDir, gpu: false });
    await standInBusybox(projectDir);
    await run(process.execPath, [BERTH, 'up', '--wait'], { cwd: projectDir });
    await run('docker', ['run', '-d', '--name', DEMO_TRAINER, 'berth-test-busybox:latest', 'sh', '-c', TRAINER_SCRIPT]);
    for (const theme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: theme });
      await page.goto(bridge.pageUrl);
      await page.getByTestId('project-item').first().waitFor();
      await page.locator('[data-testid="service-card"][data-state="running"]').first().waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(DOCS, `screenshot-${theme}.png`) });
      if (theme === 'dark') await pageShots(page);
      await page.close();
    }
  } finally {
    await browser.close();
    await bridge.close();
    await backend.dispose();
    await run(process.execPath, [BERTH, 'down', '--volumes'], { cwd: projectDir }).catch(() => undefined);
    await run('docker', ['rm', '-f', DEMO_TRAINER]).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  }
}

void main();
