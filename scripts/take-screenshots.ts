/**
 * Regenerates docs/screenshot-{light,dark}.png: the real UI, served by the test bridge against the
 * real engine: the MLflow template, created and brought up by Berth on busybox stand-ins, on the Projects page.
 * Run: npm run build && npx tsx scripts/take-screenshots.ts
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH } from '../playwright.config';
import { startBridge } from '../tests/support/bridge/bridge-server';
import { createBridgeServices } from '../tests/support/bridge/bridge-services';
import { standInBusybox } from '../tests/support/busybox-stand-in';

const run = promisify(execFile);
const BERTH = path.resolve(__dirname, '../bin/berth.js');

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
    for (const theme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: theme });
      await page.goto(bridge.pageUrl);
      await page.getByTestId('project-item').first().waitFor();
      await page.locator('[data-testid="service-card"][data-state="running"]').first().waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.resolve(__dirname, `../docs/screenshot-${theme}.png`) });
      await page.close();
    }
  } finally {
    await browser.close();
    await bridge.close();
    await backend.dispose();
    await run(process.execPath, [BERTH, 'down', '--volumes'], { cwd: projectDir }).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  }
}

void main();
