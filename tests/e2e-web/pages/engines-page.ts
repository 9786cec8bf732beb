import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the engine switcher under the brand, its menu and the Add engine dialog. */
export class EngineSwitcherObject {
  readonly trigger: Locator;
  readonly currentName: Locator;
  readonly menu: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.trigger = page.getByTestId('engine-switcher-trigger');
    this.currentName = page.getByTestId('engine-current-name');
    this.menu = page.getByTestId('engine-menu');
    this.dialog = page.getByTestId('add-engine-dialog');
  }

  option(name: string): Locator {
    return this.page.getByTestId(`engine-option-${name}`);
  }

  /** Opens the menu from the keyboard, as a keyboard user would. */
  async openMenu(): Promise<void> {
    // The trigger re-renders as the engine state settles after a switch: press again until the menu is open.
    await expect(async () => {
      if (!(await this.menu.isVisible())) {
        await this.trigger.focus();
        await this.page.keyboard.press('Enter');
      }
      await expect(this.menu).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
  }

  async openAddDialog(): Promise<void> {
    await this.openMenu();
    await this.page.getByTestId('engine-add').click();
    await expect(this.dialog).toBeVisible();
  }

  async fill(address: string, name: string): Promise<void> {
    await this.dialog.getByTestId('add-engine-address').fill(address);
    await this.dialog.getByTestId('add-engine-name').fill(name);
  }

  async switchTo(name: string): Promise<void> {
    await this.openMenu();
    await this.option(name).click();
    await expect(this.currentName).toHaveText(name);
  }
}
