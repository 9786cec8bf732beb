import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { VolumesPageObject } from './pages/volumes-page';
import { TEST_IMAGE } from '../support/require-engine';
import { createScratchVolume, type ScratchVolume } from '../support/volumes/scratch-volume';

/** A 1×1 PNG. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

test.describe('Volume browser against the real engine', () => {
  let volume: ScratchVolume;

  test.beforeEach(async ({ engine }) => {
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
    volume = await createScratchVolume(engine.docker, 'berth-e2e-vol');
    await volume.sh(
      [
        'mkdir -p /v/data/nested /v/many',
        'printf "epoch,loss\\n1,0.5\\n2,0.25\\n" > /v/data/metrics.csv',
        'printf "{\\"lr\\":0.001,\\"layers\\":[1,2]}" > /v/data/config.json',
        'printf "hello from the volume" > "/v/data/ünïcödé notes.txt"',
        `echo ${PNG_BASE64} | base64 -d > /v/data/pixel.png`,
        'ln -s nested /v/data/shortcut',
        'cd /v/many && i=0; while [ $i -lt 450 ]; do : > item$i; i=$((i+1)); done',
      ].join(' && '),
    );
  });

  test.afterEach(async () => {
    await volume?.remove();
  });

  test('browses folders with the keyboard and previews text, JSON, CSV and images', async ({ berth, page }) => {
    const volumes = new VolumesPageObject(page);
    await berth.waitForEngine('connected');
    await berth.goTo('volumes');
    await expect(volumes.volumeRow(volume.name)).toBeVisible();
    await expect(volumes.volumeRow(volume.name).getByTestId('volume-dangling')).toBeVisible();
    await volumes.openVolume(volume.name);
    expect(await volumes.names()).toEqual(['data', 'many']);

    await volumes.entry('data').click();
    await page.keyboard.press('Enter');
    await expect(volumes.browser).toHaveAttribute('data-path', 'data');
    await expect
      .poll(() => volumes.names())
      .toEqual(['nested', 'config.json', 'metrics.csv', 'pixel.png', 'shortcut', 'ünïcödé notes.txt']);
    await expect(volumes.entry('shortcut')).toContainText('→ nested');

    await volumes.entry('metrics.csv').click();
    await page.keyboard.press('Enter');
    await expect(volumes.preview).toHaveAttribute('data-kind', 'text');
    await expect(page.getByTestId('volume-preview-table').locator('th')).toHaveText(['epoch', 'loss']);
    await expect(page.getByTestId('volume-preview-table').locator('tbody tr')).toHaveCount(2);

    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(volumes.preview).toContainText('"layers": [');

    await volumes.entry('ünïcödé notes.txt').dblclick();
    await expect(volumes.preview).toContainText('hello from the volume');
    await expect(volumes.preview).toContainText('utf-8');

    await volumes.entry('pixel.png').dblclick();
    await expect(volumes.preview).toHaveAttribute('data-kind', 'image');
    await expect(volumes.preview.locator('img')).toHaveJSProperty('naturalWidth', 1);

    await volumes.entry('shortcut').dblclick();
    await expect(volumes.browser).toHaveAttribute('data-path', 'data/shortcut');
    await expect(volumes.pageInfo).toHaveText('Empty folder');
    await page.keyboard.press('Backspace');
    await expect(volumes.browser).toHaveAttribute('data-path', 'data');
  });

  test('pages through a large folder', async ({ berth, page }) => {
    const volumes = new VolumesPageObject(page);
    await berth.waitForEngine('connected');
    await berth.goTo('volumes');
    await volumes.openVolume(volume.name);
    await volumes.entry('many').dblclick();
    await expect(volumes.pageInfo).toHaveText('Entries 1–200 of 450');
    await expect(volumes.entries).toHaveCount(200);
    await volumes.button('page-next').click();
    await volumes.button('page-next').click();
    await expect(volumes.pageInfo).toHaveText('Entries 401–450 of 450');
    await expect(volumes.entries.last()).toHaveAttribute('data-name', 'item449');
  });

  test('uploads a file, downloads it back identical, and deletes it only after the typed confirmation', async ({
    berth,
    page,
    backend,
  }) => {
    const volumes = new VolumesPageObject(page);
    await berth.waitForEngine('connected');
    await berth.goTo('volumes');
    await volumes.openVolume(volume.name);
    const content = Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, (_, index) => (index * 7) % 251));
    await page
      .getByTestId('volume-upload-input')
      .setInputFiles({ name: 'weights.bin', mimeType: 'application/octet-stream', buffer: content });
    await expect(volumes.transferStatus).toContainText('Upload: done');
    await expect(volumes.entry('weights.bin')).toBeVisible();
    expect((await volume.sh('sha256sum /v/weights.bin')).split(' ')[0]).toBe(
      createHash('sha256').update(content).digest('hex'),
    );

    await volumes.entry('weights.bin').click();
    await volumes.button('download').click();
    await expect(volumes.transferStatus).toContainText('Download: done');
    const saved = await readFile(path.join(backend.downloadsDir!, 'weights.bin'));
    expect(saved.equals(content)).toBe(true);

    await page
      .getByTestId('volume-upload-input')
      .setInputFiles({ name: 'weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.from('x') });
    await expect(page.getByTestId('volume-overwrite')).toContainText('already exists');
    await page.getByTestId('volume-overwrite').getByRole('button', { name: 'Cancel' }).click();

    await volumes.entry('weights.bin').click();
    await volumes.button('delete').click();
    await expect(page.getByTestId('volume-confirm-ok')).toBeDisabled();
    await page.getByTestId('volume-confirm-input').fill('weights');
    await expect(page.getByTestId('volume-confirm-ok')).toBeDisabled();
    await page.getByTestId('volume-confirm-input').fill('weights.bin');
    await page.getByTestId('volume-confirm-ok').click();
    await expect(volumes.entry('weights.bin')).toHaveCount(0);
    expect(await volume.sh('ls /v')).not.toContain('weights.bin');
  });

  test('uploads dropped files into the open folder', async ({ berth, page }) => {
    const volumes = new VolumesPageObject(page);
    await berth.waitForEngine('connected');
    await berth.goTo('volumes');
    await volumes.openVolume(volume.name);
    await volumes.entry('data').dblclick();
    await expect(volumes.browser).toHaveAttribute('data-path', 'data');
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['dropped bytes'], 'dropped ü.txt', { type: 'text/plain' }));
      return transfer;
    });
    await volumes.browser.dispatchEvent('drop', { dataTransfer });
    await expect(volumes.entry('dropped ü.txt')).toBeVisible();
    expect(await volume.sh('cat "/v/data/dropped ü.txt"')).toBe('dropped bytes');
  });

  test('deletes a volume only after its name is typed', async ({ berth, page, engine }) => {
    const volumes = new VolumesPageObject(page);
    await berth.waitForEngine('connected');
    await berth.goTo('volumes');
    await volumes.volumeRow(volume.name).getByTestId('volume-remove').click();
    await expect(volumes.confirm).toContainText('No container uses it');
    await expect(page.getByTestId('volume-confirm-ok')).toBeDisabled();
    await page.getByTestId('volume-confirm-input').fill(volume.name);
    await page.getByTestId('volume-confirm-ok').click();
    await expect(volumes.volumeRow(volume.name)).toHaveCount(0);
    await expect(engine.docker.getVolume(volume.name).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  test('browses a bind mount and shows its folder in the file manager', async ({ berth, page, engine, backend }) => {
    const hostDir = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-bind-'));
    await writeFile(path.join(hostDir, 'train.py'), 'print("hi")\n');
    const container = await engine.docker.createContainer({
      Image: TEST_IMAGE,
      name: `berth-e2e-bind-${randomUUID().slice(0, 8)}`,
      Cmd: ['true'],
      HostConfig: { Binds: [`${hostDir}:/app:ro`] },
    });
    try {
      const volumes = new VolumesPageObject(page);
      await berth.waitForEngine('connected');
      await berth.goTo('volumes');
      const row = page.getByTestId('bind-row').filter({ hasText: hostDir });
      await row.getByRole('button', { name: hostDir }).click();
      await expect(volumes.entry('train.py')).toBeVisible();
      await volumes.entry('train.py').dblclick();
      await expect(volumes.preview).toContainText('print("hi")');
      await row.getByRole('button', { name: 'Show in folder' }).click();
      await expect.poll(() => backend.revealedPaths).toContain(hostDir);
    } finally {
      await container.remove({ force: true });
      await rm(hostDir, { recursive: true, force: true });
    }
  });
});
