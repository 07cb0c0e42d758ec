import { expect, type Locator, type Page } from '@playwright/test';

export class ReplicationPage {
  readonly heading: Locator;
  readonly source: Locator;
  readonly destination: Locator;
  readonly participant: Locator;
  readonly reconnectWindow: Locator;
  readonly submit: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Replicate a participant' });
    this.source = page.getByLabel('Source stage');
    this.destination = page.getByLabel('Destination stage');
    this.participant = page.getByLabel('Participant', { exact: true });
    this.reconnectWindow = page.getByLabel('Reconnect window (seconds)');
    this.submit = page.getByRole('button', { name: 'Start replication' });
  }

  async open(region = 'us-east-1', search = ''): Promise<void> {
    await this.page.goto(`/regions/${region}/replicate${search}`);
    await expect(this.heading).toBeVisible();
  }

  async fill(f: { source: string; participantId: string; destination: string; window?: string }): Promise<void> {
    await this.source.fill(f.source);
    await expect(this.participant.getByRole('option', { name: new RegExp(f.participantId) })).toHaveCount(1);
    await this.participant.selectOption(f.participantId);
    await this.destination.fill(f.destination);
    if (f.window !== undefined) await this.reconnectWindow.fill(f.window);
  }

  async addAttribute(key: string, value: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add attribute' }).click();
    const n = await this.page.getByLabel(/^Attributes key \d+$/).count();
    await this.page.getByLabel(`Attributes key ${n}`).fill(key);
    await this.page.getByLabel(`Attributes value ${n}`).fill(value);
  }

  errorOf(field: Locator): Locator {
    return field.locator('xpath=ancestor::*[contains(@class,"field")][1]').locator('.field-error');
  }
}
