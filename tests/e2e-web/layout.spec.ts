import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PAGES } from '../../src/renderer/src/stores/ui-slice';
import { expect, freshBridge, test } from './fixtures';
import { LogsPageObject } from './pages/logs-page';
import { ProjectsPage } from './pages/projects-page';
import { VolumesPageObject } from './pages/volumes-page';
import { TEST_IMAGE } from '../support/require-engine';

const run = promisify(execFile);
type PageName = (typeof PAGES)[number];

/** Every page with something on it: a project with stacks, a failed and a running service, a volume, a terminal. */
async function populatedProject(root: string, name: string): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(path.join(dir, 'docker'), { recursive: true });
  const idle = `["sh", "-c", "trap 'exit 0' TERM; echo ready; while true; do sleep 1; done"]`;
  await writeFile(
    path.join(dir, 'docker', 'compose.data.yml'),
    `name: ${name}
services:
  database-with-a-rather-long-service-name:
    image: ${TEST_IMAGE}
    command: ${idle}
    volumes: ["data:/data"]
    ports: ["127.0.0.1::80"]
  trainer:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "echo 'Traceback: CUDA error: device-side assert triggered 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' >&2; exit 1"]
volumes:
  data:
`,
  );
  await writeFile(
    path.join(dir, 'docker', 'compose.web.yml'),
    `services:\n  web:\n    image: ${TEST_IMAGE}\n    command: ${idle}\n`,
  );
  await run('docker', ['compose', '-f', 'docker/compose.data.yml', '-f', 'docker/compose.web.yml', 'up', '-d'], {
    cwd: dir,
  });
  return dir;
}

/** Opens a page and gives it its content: a log target, a volume's files, a terminal. */
async function show(page: Page, name: PageName, project: string): Promise<void> {
  await page.getByTestId(`nav-${name}`).click();
  await expect(page.getByTestId(`page-${name}`)).toBeVisible();
  if (name === 'logs') {
    const logs = new LogsPageObject(page);
    await logs.show(`Project ${project}`);
    await expect(logs.rows.first()).toBeVisible();
  } else if (name === 'volumes') {
    const volumes = new VolumesPageObject(page);
    await volumes.openVolume(`${project}_data`);
  } else if (name === 'terminals' && (await page.getByTestId('terminal-tab').count()) === 0) {
    await page.getByTestId('terminal-open-container').click();
    await expect(page.getByTestId('terminal-tab').first()).toHaveAttribute('data-status', 'running');
  } else if (name === 'gpus') {
    await expect(page.getByTestId('gpu-capability')).toBeVisible();
  } else if (name === 'stats') {
    await expect(page.getByTestId('stats-row').first()).toBeVisible();
  } else if (name === 'disk') {
    await expect(page.getByTestId('disk-images')).toBeVisible();
  } else if (name === 'projects') {
    await expect(new ProjectsPage(page).card(project, 'trainer')).toHaveAttribute('data-tone', 'bad');
  }
}

/** Serious and critical WCAG A/AA violations on the page as it is now, one line each. */
async function axeViolations(page: Page, where: string): Promise<string[]> {
  // Legacy mode runs axe in the page itself (the app has no frames), without opening a page to merge results.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' '));
      return `${where}: ${violation.id} (${violation.impact}) ${violation.help} — ${targets.join(' | ')}`;
    });
}

/** How far the window and the page scroll sideways (0: not at all). */
function sidewaysScroll(page: Page, name: PageName): Promise<number[]> {
  return page.evaluate((testId) => {
    const root = document.documentElement;
    const pageElement = document.querySelector(`[data-testid="page-${testId}"]`)!;
    return [root.scrollWidth - root.clientWidth, pageElement.scrollWidth - pageElement.clientWidth];
  }, name);
}

test.describe('layout and accessibility of every page', () => {
  let root: string;
  let project: string;

  test.beforeAll(async ({ engine, backend }) => {
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
    test.setTimeout(120_000);
    root = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-layout-'));
    project = `berth-e2e-layout-${randomUUID().slice(0, 8)}`;
    await backend.operations['projects.add']({ directory: await populatedProject(root, project) });
  });

  test.afterAll(async () => {
    if (project) await run('docker', ['compose', '-p', project, 'down', '-v', '--timeout', '0']).catch(() => undefined);
    if (root) await rm(root, { recursive: true, force: true });
  });

  test('at the minimum window width (900 px) no page scrolls sideways, in both themes', async ({ page, berth }) => {
    test.setTimeout(120_000);
    await berth.waitForEngine('connected');
    await new ProjectsPage(page).open(project);
    for (const theme of ['light', 'dark'] as const) {
      await page.getByTestId(`theme-${theme}`).click();
      for (const width of [900, 1024, 1280]) {
        await page.setViewportSize({ width, height: 720 });
        for (const name of PAGES) {
          await show(page, name, project);
          expect(await sidewaysScroll(page, name), `${name} at ${width} px, ${theme}`).toEqual([0, 0]);
        }
      }
    }
  });

  test('axe finds no serious or critical violation on any page, in either theme', async ({ page, berth }) => {
    test.setTimeout(180_000);
    await berth.waitForEngine('connected');
    const projects = new ProjectsPage(page);
    await projects.open(project);
    const found: string[] = [];
    const check = async (where: string) => found.push(...(await axeViolations(page, where)));
    // Light at a wide window (labelled sidebar), dark at the narrowest (icon sidebar, stacked layouts).
    for (const [theme, width] of [
      ['light', 1280],
      ['dark', 900],
    ] as const) {
      await page.setViewportSize({ width, height: 760 });
      await page.getByTestId(`theme-${theme}`).click();
      for (const name of PAGES) {
        await show(page, name, project);
        await check(`${name} (${theme})`);
      }
      await page.getByTestId('nav-projects').click();
      await projects.menuAction(project, 'project-down');
      await expect(page.getByTestId('down-dialog')).toBeVisible();
      await check(`Down dialog (${theme})`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+K');
      await expect(page.getByTestId('command-palette')).toBeVisible();
      await check(`command palette (${theme})`);
      await page.keyboard.press('Escape');
    }
    expect(found).toEqual([]);
  });

  test('the first run (no project yet) fits 900 px and passes axe, in both themes', async ({ page }) => {
    const bridge = await freshBridge();
    try {
      await page.setViewportSize({ width: 900, height: 720 });
      await page.goto(bridge.pageUrl);
      await expect(page.getByTestId('first-run')).toBeVisible();
      await expect(page.getByTestId('template-card').first()).toBeVisible();
      const found: string[] = [];
      for (const theme of ['light', 'dark'] as const) {
        await page.getByTestId(`theme-${theme}`).click();
        expect(await sidewaysScroll(page, 'projects')).toEqual([0, 0]);
        found.push(...(await axeViolations(page, `first run (${theme})`)));
        await page.getByTestId('template-card').first().click();
        await expect(page.getByTestId('create-template')).toBeVisible();
        found.push(...(await axeViolations(page, `create from template (${theme})`)));
        await page.keyboard.press('Escape');
      }
      expect(found).toEqual([]);
    } finally {
      await bridge.close();
    }
  });
});
