import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Logs page: target, search, filters, follow and actions. */
export class LogsPageObject {
  readonly root: Locator;
  readonly target: Locator;
  readonly rows: Locator;
  readonly scroller: Locator;
  readonly search: Locator;
  readonly searchCount: Locator;
  readonly searchNext: Locator;
  readonly searchPrevious: Locator;
  readonly filter: Locator;
  readonly filterRegex: Locator;
  readonly stdout: Locator;
  readonly stderr: Locator;
  readonly follow: Locator;
  readonly download: Locator;
  readonly clear: Locator;
  readonly lineCount: Locator;
  readonly timestamps: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('logs-page');
    this.target = page.getByTestId('logs-target');
    this.rows = page.getByTestId('log-row');
    this.scroller = page.getByTestId('logs-scroller');
    this.search = page.getByTestId('logs-search');
    this.searchCount = page.getByTestId('logs-search-count');
    this.searchNext = page.getByTestId('logs-search-next');
    this.searchPrevious = page.getByTestId('logs-search-prev');
    this.filter = page.getByTestId('logs-filter');
    this.filterRegex = page.getByTestId('logs-filter-regex');
    this.stdout = page.getByTestId('logs-stream-stdout');
    this.stderr = page.getByTestId('logs-stream-stderr');
    this.follow = page.getByTestId('logs-follow');
    this.download = page.getByTestId('logs-download');
    this.clear = page.getByTestId('logs-clear');
    this.lineCount = page.getByTestId('logs-line-count');
    this.timestamps = page.getByTestId('logs-timestamps');
  }

  async show(label: string): Promise<void> {
    await expect(this.target.locator('option', { hasText: label })).toHaveCount(1);
    const value = await this.target.locator('option', { hasText: label }).getAttribute('value');
    await this.target.selectOption(value ?? '');
  }

  sourceToggle(label: string): Locator {
    return this.page.locator(`[data-testid="logs-source-toggle"][data-label="${label}"]`);
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** Texts of the rows now in the DOM (the virtualized window), top to bottom. */
  async renderedTexts(): Promise<string[]> {
    return this.rows.evaluateAll((rows) =>
      rows
        .map((row) => ({
          top: (row as HTMLElement).offsetTop,
          text: row.querySelector('.log-text')?.textContent ?? '',
        }))
        .sort((a, b) => a.top - b.top)
        .map((row) => row.text),
    );
  }

  /** Lines the view holds (shown or filtered out). */
  async totalLines(): Promise<number> {
    const text = (await this.lineCount.textContent()) ?? '';
    return Number(/(\d+) lines?/.exec(text)?.[1] ?? 0);
  }

  async isFollowing(): Promise<boolean> {
    return (await this.scroller.getAttribute('data-following')) === 'true';
  }
}
