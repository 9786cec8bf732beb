import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Volumes page: the volume list and the file browser. */
export class VolumesPageObject {
  readonly list: Locator;
  readonly browser: Locator;
  readonly entries: Locator;
  readonly preview: Locator;
  readonly pageInfo: Locator;
  readonly transferStatus: Locator;
  readonly error: Locator;
  readonly confirm: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('volume-list');
    this.browser = page.getByTestId('volume-browser');
    this.entries = page.getByTestId('volume-entry');
    this.preview = page.getByTestId('volume-preview');
    this.pageInfo = page.getByTestId('volume-page-info');
    this.transferStatus = page.getByTestId('volume-transfer-status');
    this.error = page.getByTestId('volume-error');
    this.confirm = page.getByTestId('volume-confirm');
  }

  volumeRow(name: string): Locator {
    return this.page.locator(`[data-testid="volume-row"][data-volume="${name}"]`);
  }

  entry(name: string): Locator {
    return this.entries.filter({ has: this.page.locator(`xpath=self::*[@data-name=${JSON.stringify(name)}]`) });
  }

  async openVolume(name: string): Promise<void> {
    await this.volumeRow(name).getByTestId('volume-browse').click();
    await expect(this.browser).toHaveAttribute('data-path', '');
    await expect(this.pageInfo).toBeVisible();
  }

  async names(): Promise<string[]> {
    return this.entries.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name') ?? ''));
  }

  button(
    id:
      'up' | 'refresh' | 'mkdir' | 'upload' | 'download' | 'rename' | 'delete' | 'dir-size' | 'page-next' | 'page-prev',
  ): Locator {
    return this.page.getByTestId(`volume-${id}`);
  }
}
