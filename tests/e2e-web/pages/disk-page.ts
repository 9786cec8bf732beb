import type { Locator, Page } from '@playwright/test';

/** Page object for the Disk page: the summary, the images table and its dialogs. */
export class DiskPageObject {
  readonly categories: Locator;
  readonly removeSelected: Locator;
  readonly removeConfirm: Locator;
  readonly notice: Locator;
  readonly cleanup: Locator;

  constructor(readonly page: Page) {
    this.categories = page.getByTestId('disk-category');
    this.removeSelected = page.getByTestId('disk-remove-selected');
    this.removeConfirm = page.getByTestId('disk-remove-confirm');
    this.notice = page.getByTestId('disk-notice');
    this.cleanup = page.getByTestId('disk-cleanup');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-disk').click();
    await this.page.getByTestId('page-disk').waitFor();
  }

  imageRow(id: string): Locator {
    return this.page.locator(`[data-testid="disk-image-row"][data-image-id="${id}"]`);
  }
}
