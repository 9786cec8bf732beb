import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Terminals page: tabs, the active terminal's screen, and its toolbar. */
export class TerminalPage {
  readonly tabs: Locator;
  readonly activePane: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByTestId('terminal-tab');
    this.activePane = page.locator('[data-testid="terminal-pane"]:not([hidden])');
    this.status = page.getByTestId('terminal-status');
  }

  tab(title: string): Locator {
    return this.tabs.filter({ hasText: title });
  }

  async openContainerShellFromRow(containerRow: Locator): Promise<void> {
    await containerRow.getByTestId('container-shell').click();
    await expect(this.page.getByTestId('page-terminals')).toBeVisible();
  }

  async openHostShell(): Promise<void> {
    await this.page.getByTestId('terminal-open-host').click();
  }

  async waitForRunning(title: string): Promise<void> {
    await expect(this.tab(title)).toHaveAttribute('data-status', 'running');
  }

  /** Types into the active terminal as a user would, then presses Enter. */
  async run(command: string): Promise<void> {
    await this.activePane.locator('.xterm').click();
    await this.page.keyboard.type(command);
    await this.page.keyboard.press('Enter');
  }

  /**
   * The active terminal's visible text. The WebGL renderer draws on a canvas, so a terminal using it is first
   * made to lose its GPU context: that exercises the fallback to the DOM renderer, whose rows can be read.
   */
  screen(): Locator {
    return this.activePane.locator('.xterm-rows');
  }

  /** Returns the renderer the terminal had picked (webgl, or dom where the browser has no WebGL2). */
  async useDomRenderer(): Promise<string | null> {
    const view = this.activePane.getByTestId('terminal-view');
    await expect(view).toHaveAttribute('data-renderer', /webgl|dom/);
    const picked = await view.getAttribute('data-renderer');
    if (picked === 'webgl') {
      await view.evaluate((element) => {
        for (const canvas of element.querySelectorAll('canvas')) {
          canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context')?.loseContext();
        }
      });
    }
    await expect(view).toHaveAttribute('data-renderer', 'dom');
    return picked;
  }

  /** The active terminal's size in cells, as `stty size` prints it: "rows cols". */
  async size(): Promise<string> {
    const view = this.activePane.getByTestId('terminal-view');
    return `${await view.getAttribute('data-rows')} ${await view.getAttribute('data-cols')}`;
  }

  async zoomIn(): Promise<void> {
    await this.page.getByRole('button', { name: 'Zoom in' }).click();
  }

  async close(title: string): Promise<void> {
    await this.tab(title).getByTestId('terminal-tab-close').click();
    await expect(this.tab(title)).toHaveCount(0);
  }
}
