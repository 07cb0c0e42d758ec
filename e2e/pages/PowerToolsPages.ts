import { expect, type Locator, type Page } from '@playwright/test';

export class FindUserPage {
  readonly heading: Locator;
  readonly query: Locator;
  readonly search: Locator;
  readonly results: Locator;
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Find a user' });
    this.query = page.getByLabel('User id or participant id');
    this.search = page.getByRole('button', { name: 'Search', exact: true });
    this.results = page.getByRole('table', { name: /^Matches for/ });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find user' }).click();
    await expect(this.heading).toBeVisible();
  }

  async find(text: string): Promise<void> {
    await this.query.fill(text);
    await this.search.click();
  }

  resultLink(participantId: string, region: string): Locator {
    return this.results.getByRole('link', { name: `Open participant ${participantId} in ${region}` });
  }
}

export class StoryPage {
  readonly heading: Locator;
  readonly groupHeadings: Locator;
  readonly gaps: Locator;
  readonly exportText: Locator;
  readonly exportJson: Locator;
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: /^Story of participant/ });
    this.groupHeadings = page.getByRole('heading', { level: 2 });
    this.gaps = page.getByRole('note');
    this.exportText = page.getByRole('button', { name: 'Export text summary' });
    this.exportJson = page.getByRole('button', { name: 'Export JSON' });
  }

  events(groupLabel: RegExp): Locator {
    return this.page.getByRole('list', { name: groupLabel }).getByRole('listitem');
  }

  /**
   * The one-line form of every event shown, in page order, as the text export writes it: the page shows the time
   * in the reader's locale, the file in ISO 8601 UTC, so the time is taken from the line's machine-readable
   * dateTime.
   */
  async eventLines(): Promise<string[]> {
    const lines = this.page.getByRole('list', { name: /^Events of/ }).locator('.story-line');
    return lines.evaluateAll((els) =>
      els.map((el) => {
        const e = el as unknown as { querySelector(s: string): { getAttribute(a: string): string | null; textContent: string | null } | null };
        const iso = (e.querySelector('time')?.getAttribute('datetime') ?? '').replace(/\.000Z$/, 'Z');
        return `${iso} ${(e.querySelector('.story-event')?.textContent ?? '').trim()}`;
      }),
    );
  }

  /** The event names shown in a group, in page order. */
  async eventNames(groupLabel: RegExp): Promise<string[]> {
    return this.page.getByRole('list', { name: groupLabel }).locator('.story-event').evaluateAll((els) =>
      els.map((el) => /^[A-Z_]+/.exec((el as unknown as { textContent: string | null }).textContent ?? '')?.[0] ?? ''),
    );
  }
}

export class ReplicationMapPage {
  readonly heading: Locator;
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: /^Replication map/ });
  }

  async open(region: string): Promise<void> {
    await this.page.goto(`/regions/${region}/replications`);
    await expect(this.heading).toBeVisible();
  }

  edge(sourceStageId: string, participantId: string, destinationStageId: string): Locator {
    return this.page
      .getByRole('table', { name: `Replications from stage ${sourceStageId}` })
      .getByRole('row')
      .filter({ hasText: participantId })
      .filter({ has: this.page.getByRole('link', { name: `Replica in stage ${destinationStageId}` }) });
  }

  stopDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Stop replication?' });
  }
}
