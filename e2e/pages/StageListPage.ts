import { expect, type Locator, type Page } from '@playwright/test';

export class StageListPage {
  readonly heading: Locator;
  readonly nameFilter: Locator;
  readonly tagFilter: Locator;
  readonly table: Locator;
  readonly createButton: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: /^Stages in/ });
    this.nameFilter = page.getByLabel('Filter by name');
    this.tagFilter = page.getByLabel('Filter by tag');
    this.table = page.getByRole('table');
    this.createButton = page.getByRole('button', { name: 'Create stage' });
  }

  /** Opens the list and waits until the first ListStages answer is on screen. */
  async open(region = 'us-east-1'): Promise<void> {
    await this.page.goto(`/regions/${region}/stages`);
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByText(/^\d+ of \d+ stages$/)).toBeVisible();
  }

  row(stageName: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: stageName, exact: true }) });
  }

  /** A column's header cell (its aria-sort says how the table is sorted). */
  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name });
  }

  /** Clicks a column's sort button (ascending, then descending, then back to the loaded order). */
  async sortBy(column: string): Promise<void> {
    await this.columnHeader(column).getByRole('button', { name: column, exact: true }).click();
  }

  /** The stage names in the order the table shows them. */
  async shownNames(): Promise<string[]> {
    const names: string[] = [];
    for (const row of await this.table.getByRole('row').all()) {
      const cells = row.getByRole('cell');
      if ((await cells.count()) > 0) names.push(await cells.first().innerText());
    }
    return names;
  }

  async filterByName(text: string): Promise<void> {
    await this.nameFilter.fill(text);
  }

  async openStage(stageName: string): Promise<void> {
    await this.page.getByRole('link', { name: stageName, exact: true }).click();
  }

  async createStage(name: string, tag?: { key: string; value: string }): Promise<void> {
    await this.createButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'Create stage' });
    await dialog.getByLabel('Name').fill(name);
    if (tag) {
      await dialog.getByRole('button', { name: 'Add tag' }).click();
      await dialog.getByLabel('Tags key 1').fill(tag.key);
      await dialog.getByLabel('Tags value 1').fill(tag.value);
    }
    await dialog.getByRole('button', { name: 'Create stage' }).click();
    await expect(dialog).toBeHidden();
  }

  async renameStage(from: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Edit stage ${from}` }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Name').fill(to);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
  }

  async deleteStage(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete stage ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Delete stage?' });
    await dialog.getByRole('button', { name: 'Delete stage' }).click();
    await expect(dialog).toBeHidden();
  }
}
