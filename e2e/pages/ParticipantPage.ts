import { expect, type Locator, type Page } from '@playwright/test';

export class ParticipantPage {
  readonly heading: Locator;
  readonly fields: Locator;
  readonly events: Locator;
  readonly replicas: Locator;
  /** The kick-and-watch panel (after a disconnect from this page). */
  readonly rejoinWatch: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: /^Participant / });
    this.fields = page.locator('dl.fields');
    this.events = page.getByRole('list', { name: /Participant events/ });
    this.replicas = page.getByRole('region', { name: 'Replicas' });
    this.rejoinWatch = page.getByRole('region', { name: 'Rejoin watch' });
  }

  async open(region: string, stageArn: string, sessionId: string, participantId: string): Promise<void> {
    await this.page.goto(
      `/regions/${region}/stages/${encodeURIComponent(stageArn)}/sessions/${sessionId}/participants/${participantId}`,
    );
    await expect(this.heading).toBeVisible();
  }

  /** The value shown next to a field label. */
  field(label: string): Locator {
    return this.fields.locator(`dt:text-is("${label}") + dd`);
  }

  async stopReplicationTo(destinationStageId: string): Promise<void> {
    await this.replicas.getByRole('button', { name: new RegExp(`Stop replication of .* to ${destinationStageId}`) }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Stop replication?' });
    await dialog.getByRole('button', { name: 'Stop replication' }).click();
    await expect(dialog).toBeHidden();
  }

  async disconnect(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Disconnect participant?' });
    await dialog.getByLabel(/Reason/).fill(reason);
    await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
