import { expect, type Locator, type Page } from '@playwright/test';
import type { Page as PageId } from '../../../src/renderer/src/stores/ui-slice';

/** Page object for the app shell: sidebar, status bar and the Containers page. */
export class BerthPage {
  readonly statusBar: Locator;
  readonly engineSummary: Locator;

  constructor(readonly page: Page) {
    this.statusBar = page.getByTestId('status-bar');
    this.engineSummary = page.getByTestId('engine-summary');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  }

  async goTo(page: PageId): Promise<void> {
    await this.page.getByTestId(`nav-${page}`).click();
    await expect(this.page.getByTestId(`page-${page}`)).toBeVisible();
  }

  containerRow(id: string): Locator {
    return this.page.locator(`[data-testid="container-row"][data-container-id="${id}"]`);
  }

  projectGroup(project: string): Locator {
    return this.page.locator(`[data-testid="container-group"][data-project="${project}"]`);
  }

  async waitForEngine(status: 'connected' | 'unreachable'): Promise<void> {
    await expect(this.statusBar).toHaveAttribute('data-status', status);
  }
}
