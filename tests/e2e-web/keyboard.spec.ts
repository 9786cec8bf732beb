import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { ProjectsPage } from './pages/projects-page';
import { TerminalPage } from './pages/terminal-page';
import { TEST_IMAGE } from '../support/require-engine';

const run = promisify(execFile);

test.describe('the keyboard', () => {
  test.beforeEach(async ({ engine, berth }) => {
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
    await berth.waitForEngine('connected');
  });

  test('Ctrl+1…9 and Ctrl+K work while a terminal has focus, and never reach the shell', async ({ berth, page }) => {
    const terminals = new TerminalPage(page);
    await page.keyboard.press('Control+4');
    await expect(page.getByTestId('page-terminals')).toBeVisible();
    await terminals.openHostShell();
    await terminals.waitForRunning('Host shell');
    await terminals.useDomRenderer();
    const xterm = terminals.activePane.locator('.xterm');

    // Ctrl+5, Ctrl+6 from the terminal, then back (opening Terminals focuses it again: no trap).
    await xterm.click();
    await page.keyboard.press('Control+5');
    await expect(page.getByTestId('page-volumes')).toBeVisible();
    await page.keyboard.press('Control+4');
    await expect(page.getByTestId('page-terminals')).toBeVisible();
    await xterm.click();
    await page.keyboard.press('Control+6');
    await expect(page.getByTestId('page-gpus')).toBeVisible();
    await page.keyboard.press('Control+7');
    await expect(page.getByTestId('page-stats')).toBeVisible();
    await page.keyboard.press('Control+9');
    await expect(page.getByTestId('page-cluster')).toBeVisible();
    await berth.goTo('terminals');

    // Ctrl+K opens the palette and is not the shell's "kill to end of line": the text after the cursor survives.
    await xterm.click();
    await page.keyboard.type('echo kept-$((40+2))');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+K');
    await expect(page.getByTestId('command-palette')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('command-palette')).toHaveCount(0);
    await xterm.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(terminals.screen()).toContainText('kept-42');
    await terminals.close('Host shell');
  });

  test.describe('with a project open', () => {
    let root: string;
    let name: string;

    test.beforeEach(async ({ page }) => {
      root = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-keys-'));
      name = `berth-e2e-keys-${randomUUID().slice(0, 8)}`;
      const dir = path.join(root, name);
      await mkdir(dir);
      await writeFile(
        path.join(dir, 'compose.yaml'),
        `name: ${name}\nservices:\n  api:\n    image: ${TEST_IMAGE}\n    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]\n`,
      );
      await run('docker', ['compose', 'up', '-d'], { cwd: dir });
      const projects = new ProjectsPage(page);
      await projects.addFolder(dir);
      await projects.open(name);
      await projects.expectRunning(name, ['api']);
    });

    test.afterEach(async () => {
      await run('docker', ['compose', '-p', name, 'down', '--timeout', '0']).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    });

    test('the palette has sections, the open project first, shortcut hints, and runs commands', async ({ page }) => {
      await page.keyboard.press('Control+K');
      const palette = page.getByTestId('command-palette');
      const sections = palette.getByTestId('palette-section');
      await expect(sections.first()).toContainText('This project');
      await expect(palette.getByRole('group', { name: 'Go to' }).getByRole('option').first()).toContainText(
        /Go to Projects\s*Ctrl\s*1/,
      );

      // What the open project can do now: it runs, so Stop and a shell; Down asks first.
      const own = palette.getByRole('group', { name: 'This project' });
      await expect(own.getByRole('option', { name: `Stop ${name}` })).toBeVisible();
      await expect(own.getByRole('option', { name: `Open shell in api (${name})` })).toBeVisible();
      await page.getByTestId('palette-input').fill('logs api');
      await expect(palette.getByRole('option').first()).toHaveText(`Logs of api (${name})`);

      await page.getByTestId('palette-input').fill(`down ${name}`);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('down-dialog')).toBeVisible();
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+K');
      await page.getByTestId('palette-input').fill('theme dark');
      await page.keyboard.press('Enter');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    });
  });
});
