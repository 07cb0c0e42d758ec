import { expect, type Locator, type Page } from '@playwright/test';

export class StageDetailPage {
  readonly heading: Locator;
  readonly participants: Locator;
  readonly replication: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: /^Stage / });
    this.participants = page.getByRole('region', { name: /^Participants of session/ });
    this.replication = page.getByRole('region', { name: 'Replication' });
  }

  async open(region: string, stageArn: string): Promise<void> {
    await this.page.goto(`/regions/${region}/stages/${encodeURIComponent(stageArn)}`);
    await expect(this.heading).toBeVisible();
  }

  participantRow(participantId: string): Locator {
    return this.participants.getByRole('row').filter({ has: this.page.getByRole('link', { name: participantId }) });
  }

  async openParticipant(participantId: string): Promise<void> {
    await this.participants.getByRole('link', { name: participantId }).click();
  }

  participantColumn(name: string): Locator {
    return this.participants.getByRole('columnheader', { name });
  }

  /** Clicks a participant column's sort button (ascending, then descending, then back to the loaded order). */
  async sortParticipantsBy(column: string): Promise<void> {
    await this.participantColumn(column).getByRole('button', { name: column, exact: true }).click();
  }

  /** The text of one column (by position) in the order the participant table shows its rows. */
  async participantColumnTexts(index: number): Promise<string[]> {
    const texts: string[] = [];
    for (const row of await this.participants.getByRole('row').all()) {
      const cells = row.getByRole('cell');
      if ((await cells.count()) > index) texts.push(await cells.nth(index).innerText());
    }
    return texts;
  }

  async showOnly(option: string): Promise<void> {
    await this.participants.getByLabel('Show').selectOption({ label: option });
  }

  async createToken(userId: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Create participant token' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Create participant token' });
    await dialog.getByLabel('User id').fill(userId);
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const token = dialog.getByLabel('Participant token');
    await expect(token).toHaveValue(/\S+\.\S+\.\S+/);
    const value = await token.inputValue();
    await dialog.getByRole('button', { name: 'Done' }).click();
    return value;
  }

  async disconnect(participantId: string, reason: string): Promise<void> {
    await this.participants.getByRole('button', { name: `Disconnect ${participantId}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Disconnect participant?' });
    await dialog.getByLabel(/Reason/).fill(reason);
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await expect(dialog).toBeHidden();
  }
}
