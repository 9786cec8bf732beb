import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { expect, test } from './fixtures';
import { LogsPageObject } from './pages/logs-page';
import { TEST_IMAGE } from '../support/require-engine';

const PROJECT = `berth-e2e-logs-${randomUUID().slice(0, 8)}`;

/** A compose-labelled container of PROJECT running `script`. */
async function serviceContainer(docker: Docker, service: string, script: string): Promise<Docker.Container> {
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    name: `${PROJECT}-${service}-1`,
    Cmd: ['sh', '-c', script],
    Labels: {
      'com.docker.compose.project': PROJECT,
      'com.docker.compose.service': service,
      'com.docker.compose.container-number': '1',
    },
    HostConfig: { NetworkMode: 'none' },
  });
  await container.start();
  return container;
}

const WEB_SCRIPT = [
  'i=0; while [ $i -lt 300 ]; do i=$((i+1)); echo "line $i"; done',
  'echo "ERROR disk almost full" >&2',
  'printf "\\033[31mred alert\\033[0m\\n"',
  'printf "progress 10%%\\rprogress 55%%\\rprogress 100%%\\n"',
  'n=0; while true; do n=$((n+1)); echo "tick $n"; sleep 0.2; done',
].join('; ');

test.describe('the Logs page against the real engine', () => {
  const containers: Docker.Container[] = [];

  test.beforeAll(async ({ engine }) => {
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
    containers.push(await serviceContainer(engine.docker, 'web', WEB_SCRIPT));
    containers.push(await serviceContainer(engine.docker, 'worker', 'echo "worker ready"; sleep 300'));
  });

  test.afterAll(async () => {
    await Promise.all(containers.map((container) => container.remove({ force: true }).catch(() => undefined)));
  });

  test.beforeEach(async ({ berth }) => {
    await berth.waitForEngine('connected');
    await berth.goTo('logs');
  });

  test('shows a project merged, with service prefixes, ANSI colors and collapsed progress bars', async ({ page }) => {
    const logs = new LogsPageObject(page);
    await logs.show(`Project ${PROJECT}`);
    await expect.poll(() => logs.totalLines(), { timeout: 15_000 }).toBeGreaterThan(305);
    expect(await logs.rows.count()).toBeLessThan(200); // virtualized: not all 300+ lines are in the DOM
    // Narrow the view to the lines under test: while following, older ones leave the virtualized window.
    await logs.filterRegex.check();
    await logs.filter.fill('worker ready|red alert|progress|tick 3$');
    await expect(logs.row('worker ready').locator('.log-prefix')).toContainText('worker');
    await expect(logs.row('web').first().locator('.log-prefix')).toContainText('web');
    await expect(logs.row('tick 3')).toHaveCount(1);
    const red = logs.row('red alert').locator('.log-text span', { hasText: 'red alert' });
    await expect(red).toHaveAttribute('style', /var\(--ansi-1\)/);
    await expect(logs.row('progress 100%').locator('.log-text')).toHaveText('progress 100%');
  });

  test('search highlights matches and steps through them', async ({ page }) => {
    const logs = new LogsPageObject(page);
    await logs.show(`${PROJECT} / web`);
    await expect.poll(() => logs.totalLines(), { timeout: 15_000 }).toBeGreaterThan(303);
    await page.keyboard.press('Control+f');
    await expect(logs.search).toBeFocused();
    await page.keyboard.type('line 25');
    await expect(logs.searchCount).toHaveText('0/11');
    await page.keyboard.press('Enter');
    await expect(logs.searchCount).toHaveText('1/11');
    await expect(page.locator('.log-current-match .log-match')).toHaveText('line 25');
    expect(await logs.isFollowing()).toBe(false);
    await logs.searchNext.click();
    await expect(logs.searchCount).toHaveText('2/11');
    await expect(page.locator('.log-current-match')).toContainText('line 250');
    await page.keyboard.press('F3');
    await expect(logs.searchCount).toHaveText('3/11');
    await page.keyboard.press('Shift+F3');
    await logs.searchPrevious.click();
    await logs.searchPrevious.click();
    await expect(logs.searchCount).toHaveText('11/11');
    await expect(page.locator('.log-current-match')).toContainText('line 259');
  });

  test('filters by service, by stream and by regular expression', async ({ page }) => {
    const logs = new LogsPageObject(page);
    await logs.show(`Project ${PROJECT}`);
    await expect.poll(() => logs.totalLines(), { timeout: 15_000 }).toBeGreaterThan(305);
    await logs.sourceToggle('web').click();
    await expect(logs.rows).toHaveCount(1);
    await expect(logs.rows.first()).toContainText('worker ready');
    await logs.sourceToggle('web').click();
    await logs.stdout.uncheck();
    await expect(logs.rows).toHaveCount(1);
    await expect(logs.rows.first()).toHaveAttribute('data-stream', 'stderr');
    await expect(logs.rows.first()).toContainText('ERROR disk almost full');
    await logs.stdout.check();
    await logs.filterRegex.check();
    await logs.filter.fill('^line 29\\d$');
    await expect(logs.rows).toHaveCount(10);
    await logs.filter.fill('(');
    await expect(logs.filter).toHaveAttribute('aria-invalid', 'true');
  });

  test('follows new lines, pauses when scrolled up, resumes with End', async ({ page }) => {
    const logs = new LogsPageObject(page);
    await logs.show(`${PROJECT} / web`);
    await expect.poll(() => logs.totalLines(), { timeout: 15_000 }).toBeGreaterThan(303);
    expect(await logs.isFollowing()).toBe(true);
    const lastTick = async () => (await logs.renderedTexts()).filter((text) => text.startsWith('tick')).at(-1) ?? '';
    const before = await lastTick();
    await expect.poll(lastTick).not.toBe(before);

    await logs.scroller.hover();
    await page.mouse.wheel(0, -2_000);
    await expect(logs.follow).toHaveAttribute('aria-pressed', 'false');
    const pausedTop = await logs.scroller.evaluate((element) => element.scrollTop);
    await page.waitForTimeout(700);
    expect(await logs.scroller.evaluate((element) => element.scrollTop)).toBe(pausedTop);

    await logs.scroller.focus();
    await page.keyboard.press('End');
    await expect(logs.follow).toHaveAttribute('aria-pressed', 'true');
    const atBottom = () =>
      logs.scroller.evaluate((element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 20);
    await expect.poll(atBottom).toBe(true);
  });

  test('downloads the shown lines as a file', async ({ page }) => {
    const logs = new LogsPageObject(page);
    await logs.show(`${PROJECT} / web`);
    await logs.filter.fill('line 1');
    await expect(logs.lineCount).toContainText('111 of', { timeout: 15_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), logs.download.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${PROJECT}-web-.*\\.log$`));
    const text = await readFile((await download.path())!, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('line 1');
    expect(lines).toContain('line 199');
    expect(lines.every((line) => line.includes('line 1'))).toBe(true);
    expect(text).not.toContain('\u001b');
  });

  test('opens from a container row, toggles timestamps, copies and clears', async ({ page, berth, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const logs = new LogsPageObject(page);
    await berth.goTo('containers');
    const worker = containers[1]!;
    await berth.containerRow(worker.id).getByTestId('container-logs').click();
    await expect(page.getByTestId('page-logs')).toBeVisible();
    await expect(logs.row('worker ready')).toHaveCount(1);
    await expect(logs.row('worker ready').locator('.log-time')).toHaveCount(0);
    await logs.timestamps.check();
    await expect(logs.row('worker ready').locator('.log-time')).toHaveText(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    await page.getByTestId('logs-copy').click();
    await expect(page.getByText('Copied 1 line')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^\d{4}-\S+Z worker ready\n$/);
    await logs.clear.click();
    await expect(logs.rows).toHaveCount(0);
    await expect(logs.lineCount).toHaveText('0 lines');
  });

  test('keeps 100,000 lines and says how many older ones it dropped', async ({ page, engine }) => {
    test.setTimeout(120_000);
    // The flood starts once the page follows: history asks only for what the view keeps, so only live lines drop.
    const flood = await serviceContainer(engine.docker, 'flood', 'sleep 8; seq 1 150000; sleep 300');
    containers.push(flood);
    const logs = new LogsPageObject(page);
    await logs.show(`${PROJECT} / flood`);
    await expect(logs.lineCount).toHaveText('0 lines');
    await expect(page.getByTestId('logs-dropped')).toHaveText('50,000 older lines dropped', { timeout: 60_000 });
    await expect(logs.lineCount).toHaveText('100000 lines');
    await expect(logs.row('150000')).toHaveCount(1);
  });
});
