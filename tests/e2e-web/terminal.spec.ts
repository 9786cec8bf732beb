import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { expect, test } from './fixtures';
import type { BerthPage } from './pages/berth-page';
import { TerminalPage } from './pages/terminal-page';
import { TEST_IMAGE } from '../support/require-engine';

async function processCount(container: Docker.Container): Promise<number> {
  return (await container.top()).Processes.length;
}

test.describe('terminals against the real engine', () => {
  let container: Docker.Container | undefined;
  let name = '';

  test.beforeEach(async ({ engine }) => {
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
    const project = `berth-e2e-term-${randomUUID().slice(0, 8)}`;
    name = `${project}-app-1`;
    container = await engine.docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sleep', '600'],
      name,
      Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': 'app' },
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
  });

  test.afterEach(async () => {
    await container?.remove({ force: true }).catch(() => undefined);
  });

  /** Opens a shell into the test's container from its row, as a user would, and waits until it runs. */
  async function openShellFromContainersPage(berth: BerthPage): Promise<TerminalPage> {
    const terminals = new TerminalPage(berth.page);
    await berth.waitForEngine('connected');
    await berth.goTo('containers');
    await terminals.openContainerShellFromRow(berth.containerRow(container!.id));
    await terminals.waitForRunning(name);
    await terminals.useDomRenderer();
    return terminals;
  }

  test('a container shell from the Containers page runs commands and survives page and tab switches', async ({
    berth,
  }) => {
    const terminals = new TerminalPage(berth.page);
    await berth.waitForEngine('connected');
    await berth.goTo('containers');
    await terminals.openContainerShellFromRow(berth.containerRow(container!.id));
    await terminals.waitForRunning(name);
    const renderer = await terminals.useDomRenderer();
    test.info().annotations.push({ type: 'renderer', description: `xterm picked ${renderer}` });

    await terminals.run('echo hello-$((6*7))');
    await expect(terminals.screen()).toContainText('hello-42');

    // The container's TTY has the size of the fitted view, and follows it when the text is zoomed.
    const fitted = await terminals.size();
    expect(fitted).not.toBe('24 80');
    await terminals.run('stty size');
    await expect(terminals.screen()).toContainText(fitted);
    await terminals.zoomIn();
    await expect.poll(() => terminals.size()).not.toBe(fitted);
    const zoomed = await terminals.size();
    await terminals.run('stty size');
    await expect(terminals.screen()).toContainText(zoomed);

    // Another page, then back: same session, same screen.
    await berth.goTo('containers');
    await berth.goTo('terminals');
    await expect(terminals.screen()).toContainText('hello-42');
    await terminals.run('echo again-$((1+1))');
    await expect(terminals.screen()).toContainText('again-2');

    // A second tab (a shell on this machine), then back to the first.
    await terminals.openHostShell();
    await expect(terminals.tabs).toHaveCount(2);
    await terminals.waitForRunning('Host shell');
    await terminals.tab(name).getByTestId('terminal-tab-title').click();
    await terminals.useDomRenderer();
    await expect(terminals.screen()).toContainText('again-2');
    await terminals.close('Host shell');

    // Closing the tab ends the exec: only the container's own process is left.
    await terminals.close(name);
    await expect.poll(() => processCount(container!), { timeout: 10_000 }).toBe(1);
  });

  test('shows the exit code and restarts the shell in the same tab', async ({ berth }) => {
    const terminals = await openShellFromContainersPage(berth);

    await terminals.run('exit 3');
    await expect(terminals.tab(name)).toHaveAttribute('data-status', 'exited');
    await expect(terminals.screen()).toContainText('[process exited with code 3]');

    await berth.page.getByTestId('terminal-restart').click();
    await terminals.waitForRunning(name);
    await terminals.run('echo back-$((2*3))');
    await expect(terminals.screen()).toContainText('back-6');
    await terminals.close(name);
  });

  test('a flood of output does not freeze the UI, and Ctrl+C stops it', async ({ berth }) => {
    const terminals = await openShellFromContainersPage(berth);

    await terminals.run('cat /dev/urandom | base64');
    await berth.page.waitForTimeout(2_000);
    // Flow control keeps the page responsive: switching pages back and forth stays quick during the flood.
    const started = Date.now();
    await berth.goTo('containers');
    await berth.goTo('terminals');
    expect(Date.now() - started).toBeLessThan(3_000);

    await terminals.activePane.locator('.xterm').click();
    await berth.page.keyboard.press('Control+C');
    await terminals.run('clear; echo done-$((5*5))');
    await expect(terminals.screen()).toContainText('done-25', { timeout: 20_000 });
    await terminals.close(name);
    await expect.poll(() => processCount(container!), { timeout: 10_000 }).toBe(1);
  });
});
