import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Projects page: the list, a project's toggles and service cards, and its panels. */
export class ProjectsPage {
  constructor(readonly page: Page) {}

  project(name: string): Locator {
    return this.page.locator(`[data-testid="project-item"][data-project="${name}"]`);
  }

  view(name: string): Locator {
    return this.page.locator(`[data-testid="project-view"][data-project="${name}"]`);
  }

  card(project: string, service: string): Locator {
    return this.view(project).locator(`[data-testid="service-card"][data-service="${service}"]`);
  }

  stack(project: string, label: string): Locator {
    return this.view(project).locator(`[data-testid="stack"][data-stack="${label}"]`);
  }

  /** Runs an action of the project header's "More" menu (Down…, Edit .env…, Pull…), by its test id. */
  async menuAction(project: string, testId: string): Promise<void> {
    await this.view(project).getByTestId('project-menu').click();
    await this.page.getByTestId(testId).click();
  }

  async addFolder(directory: string): Promise<void> {
    // The list or the first-run screen, whichever the page settles on (the list may still be loading).
    const opener = this.page.getByTestId('add-project');
    const firstRun = this.page.getByRole('button', { name: 'add a folder that has a compose.yaml' });
    await expect(opener.or(firstRun)).toBeVisible();
    if (await opener.isVisible()) await opener.click();
    else await firstRun.click();
    await this.page.getByTestId('add-project-path').fill(directory);
    await this.page.getByTestId('add-project-submit').click();
    await expect(this.page.getByTestId('add-project-panel')).toHaveCount(0);
  }

  /** Opens a project from the first-run screen's engine list or from the project list, whichever is showing. */
  async open(name: string): Promise<void> {
    const discovered = this.page.locator(`[data-testid="discovered-project"][data-project="${name}"]`);
    await expect(discovered.or(this.project(name))).toBeVisible();
    if (await discovered.isVisible()) await discovered.click();
    else await this.project(name).click();
    await expect(this.view(name)).toBeVisible();
  }

  /** Opens a template's create form from the first-run gallery or through "New from template…". */
  async chooseTemplate(id: string): Promise<void> {
    const newProject = this.page.getByTestId('new-project');
    const card = this.page.locator(`[data-testid="template-card"][data-template="${id}"]`);
    await expect(newProject.or(card)).toBeVisible();
    if (await newProject.isVisible()) await newProject.click();
    await card.click();
  }

  async expectRunning(project: string, services: string[], health?: 'healthy'): Promise<void> {
    for (const service of services) {
      await expect(this.card(project, service)).toHaveAttribute('data-state', 'running', { timeout: 60_000 });
      if (health) await expect(this.card(project, service)).toHaveAttribute('data-health', health, { timeout: 30_000 });
    }
  }
}
