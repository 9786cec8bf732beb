import { expect, test } from './fixtures';
import { DiskPageObject } from './pages/disk-page';
import { formatBytes } from '../../src/renderer/src/features/volumes/format';
import { createScratchImage, removeScratchImages } from '../support/disk/scratch-image';

test.describe('Disk page against the real engine', () => {
  const images: string[] = [];
  const volumes: string[] = [];
  const prefix = `berth-e2e-disk-${process.pid}-${Date.now()}`;

  test.beforeEach(({ engine }) => {
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
  });

  test.afterEach(async ({ engine }) => {
    await removeScratchImages(engine.docker, images.splice(0));
    for (const name of volumes.splice(0))
      await engine.docker
        .getVolume(name)
        .remove()
        .catch(() => {});
  });

  test('shows a test image with its size and removes it after confirmation', async ({ berth, page, engine }) => {
    const disk = new DiskPageObject(page);
    const image = await createScratchImage(engine.docker, { repo: `${prefix}-x`, bytes: 3_000_000 });
    images.push(image.id);
    const { Size } = await engine.docker.getImage(image.id).inspect();

    await berth.waitForEngine('connected');
    await disk.open();
    await expect(disk.categories).toHaveCount(4);
    const row = disk.imageRow(image.id);
    await expect(row).toContainText(image.ref);
    await expect(row.getByTestId('disk-image-size')).toHaveText(formatBytes(Size));
    await expect(row.getByTestId('disk-image-used')).toHaveText('unused');

    // Why is it this big: its top layer is the one that wrote 3 MB.
    await row.getByTestId('disk-image-layers').click();
    await expect(page.getByTestId('disk-layer').first()).toContainText('head -c 3000000');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('disk-layers')).toBeHidden();

    // Sortable: by name, then flipped.
    const nameHeader = page.locator('th', { has: page.getByTestId('disk-sort-name') });
    await page.getByTestId('disk-sort-name').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await page.getByTestId('disk-sort-name').press('Enter');
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');

    // Selected with the keyboard; Escape on the confirmation removes nothing.
    await row.getByTestId('disk-image-select').focus();
    await page.keyboard.press('Space');
    await expect(disk.removeSelected).toHaveText('Remove 1 image…');
    await disk.removeSelected.click();
    await expect(disk.removeConfirm).toContainText(image.ref);
    await page.keyboard.press('Escape');
    await expect(disk.removeConfirm).toBeHidden();
    await expect(engine.docker.getImage(image.id).inspect()).resolves.toMatchObject({ Id: image.id });

    await disk.removeSelected.click();
    await disk.removeConfirm.getByTestId('disk-remove-ok').click();
    await expect(disk.notice).toContainText('Removed 1 image');
    await expect(row).toHaveCount(0);
    await expect(engine.docker.getImage(image.id).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  test('Clean up shows what it would remove and wants volumes typed to confirm', async ({ berth, page, engine }) => {
    const disk = new DiskPageObject(page);
    const volume = `${prefix}-unused`;
    await engine.docker.createVolume({ Name: volume });
    volumes.push(volume);

    await berth.waitForEngine('connected');
    await disk.open();
    await page.getByTestId('disk-cleanup-open').click();
    await expect(disk.cleanup.getByTestId('disk-cleanup-total')).toBeVisible();
    await disk.cleanup.getByTestId('disk-cleanup-volumes').check();
    await expect(disk.cleanup.locator('[data-kind="volumes"]')).toContainText('Unused volumes');
    await disk.cleanup.locator('[data-kind="volumes"] summary').click();
    await expect(disk.cleanup.locator('[data-kind="volumes"]')).toContainText(volume);
    const run = disk.cleanup.getByTestId('disk-cleanup-run');
    await expect(run).toBeDisabled();
    await disk.cleanup.getByTestId('disk-cleanup-typed').fill('delete them');
    await expect(run).toBeDisabled();

    // Never run here: the engine is shared. Cancel leaves the volume.
    await page.keyboard.press('Escape');
    await expect(disk.cleanup).toBeHidden();
    await expect(engine.docker.getVolume(volume).inspect()).resolves.toMatchObject({ Name: volume });
  });
});
