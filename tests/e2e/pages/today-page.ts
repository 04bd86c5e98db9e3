import type { Locator, Page } from 'playwright-core';
import { SyncStatus } from './sync-status';
import { UI_TEXT, type UiLocale } from './ui-text';

/** The Today screen: briefings from the phone's copy, acknowledged with one tap. */
export class TodayPage {
  readonly status: SyncStatus;
  private readonly text: (typeof UI_TEXT)[UiLocale];

  constructor(private readonly page: Page, locale: UiLocale = 'en') {
    this.status = new SyncStatus(page);
    this.text = UI_TEXT[locale];
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: this.text.nav }).getByRole('button', { name: this.text.today, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: this.text.today }).or(this.page.getByText(this.text.noBriefings)).first().waitFor();
  }

  /** The card of the briefing with exactly this title. */
  briefing(title: string): Locator {
    return this.page.getByTestId('briefing').filter({ has: this.page.getByRole('heading', { level: 2, name: title, exact: true }) });
  }

  async waitForBriefing(title: string, timeout = 15_000): Promise<void> {
    await this.briefing(title).waitFor({ timeout });
  }

  async isListed(title: string): Promise<boolean> {
    return (await this.briefing(title).count()) > 0;
  }

  /** Taps "Read and understood" and waits until the card no longer offers it. */
  async acknowledge(title: string): Promise<void> {
    const card = this.briefing(title);
    const button = card.getByRole('button', { name: this.text.acknowledge });
    await button.click();
    await button.waitFor({ state: 'detached' });
  }

  /** The acknowledgement line of a card, e.g. "Please acknowledge", "Acknowledged · waiting to send", "Acknowledged". */
  async ackLabel(title: string): Promise<string> {
    const label = this.briefing(title).locator('.ack-state');
    return (await label.count()) === 0 ? '' : (await label.innerText()).trim();
  }
}
