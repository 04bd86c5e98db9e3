import type { Locator, Page } from 'playwright-core';
import { SyncStatus } from './sync-status';
import { tabBadge } from './tab-badge';
import { UI_TEXT, type UiLocale } from './ui-text';

/** The Today screen: briefings from the phone's copy, acknowledged with one tap. */
export class TodayPage {
  readonly status: SyncStatus;
  private readonly text: (typeof UI_TEXT)[UiLocale];

  constructor(
    private readonly page: Page,
    locale: UiLocale = 'en',
  ) {
    this.status = new SyncStatus(page);
    this.text = UI_TEXT[locale];
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: this.text.nav }).getByRole('button', { name: this.text.today, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: this.text.today }).or(this.page.getByText(this.text.noBriefings)).first().waitFor();
  }

  /** The card of the briefing with exactly this title. */
  briefing(title: string): Locator {
    return this.page.getByTestId('briefing').filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  async waitForBriefing(title: string, timeout = 15_000): Promise<void> {
    await this.briefing(title).waitFor({ timeout });
  }

  /** The required-lessons card's rows as shown (title, when), [] while it is hidden. */
  async requiredLessons(): Promise<Array<{ title: string; when: string }>> {
    const rows = this.page.getByTestId('required-lesson');
    return rows.evaluateAll((buttons) =>
      buttons.map((b) => ({
        title: (b.querySelector('.required-lessons__title') as HTMLElement | null)?.innerText.trim() ?? '',
        when: (b.querySelector('.required-lessons__when') as HTMLElement | null)?.innerText.replace('⚠', '').trim() ?? '',
      })),
    );
  }

  /** The card's "N more" line, '' when there is none. */
  async requiredMore(): Promise<string> {
    const more = this.page.getByTestId('required-lessons-more');
    return (await more.count()) === 0 ? '' : (await more.innerText()).trim();
  }

  /** Taps a required lesson on the card; waits for the lesson to open. */
  async openRequired(title: string): Promise<void> {
    await this.page.getByTestId('required-lesson').filter({ hasText: title }).click();
    await this.page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
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

  /** The acknowledgement line of a card, e.g. "Please acknowledge", "Acknowledged · Saved on this phone, will send", "Acknowledged · Sent". */
  async ackLabel(title: string): Promise<string> {
    const label = this.briefing(title).locator('.ack-state');
    return (await label.count()) === 0 ? '' : (await label.innerText()).replace(/^✓\s*/, '').trim();
  }

  /** Which group the card is in: pinned, today, done, news, earlier or results. */
  async sectionOf(title: string): Promise<string | null> {
    return this.page
      .locator('[data-section]')
      .filter({ has: this.briefing(title) })
      .getAttribute('data-section');
  }

  /** How many the "N left to acknowledge today" line says are left (0 when it says nothing is). */
  async left(): Promise<number> {
    const counter = this.page.getByTestId('today-counter');
    const text = await counter.innerText();
    const left = Number(await counter.getAttribute('data-left'));
    // The number on screen is the one read out, not only an attribute.
    if (left > 0 && !text.includes(String(left))) throw new Error(`counter "${text}" does not say ${left}`);
    return left;
  }

  /** The badge on the bar's Today tab (0 when there is none), checked against what the tab says to a screen reader. */
  tabCount(): Promise<number> {
    return tabBadge(this.page, this.text.nav, this.text.today, ['left to acknowledge', 'por confirmar']);
  }

  /**
   * Whether every tab of the bar takes a tap at its centre while a card's button is scrolled right
   * under it (that button once drew over the bar and took the tap). False when no card has a button.
   */
  async barTakesEveryTap(): Promise<boolean> {
    return this.page.evaluate(async () => {
      const nav = document.querySelector('nav.tabbar');
      const button = document.querySelector<HTMLElement>('[data-testid="briefing"] button');
      if (!nav || !button) return false;
      // Room above the list, so the card's button can be scrolled down to the bar however short the page.
      const spacer = document.createElement('div');
      spacer.style.height = `${window.innerHeight}px`;
      document.body.prepend(spacer);
      try {
        const barMiddle = nav.getBoundingClientRect().top + nav.getBoundingClientRect().height / 2;
        const b = button.getBoundingClientRect();
        window.scrollBy(0, b.top + b.height / 2 - barMiddle);
        await new Promise(requestAnimationFrame);
        const under = button.getBoundingClientRect();
        if (Math.abs(under.top + under.height / 2 - barMiddle) > under.height / 2) return false;
        return [...nav.querySelectorAll('button')].every((tab) => {
          const box = tab.getBoundingClientRect();
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return hit !== null && nav.contains(hit);
        });
      } finally {
        spacer.remove();
      }
    });
  }

  /** Opens search from the header if it is closed, then types. */
  async search(query: string): Promise<void> {
    const box = this.page.getByRole('searchbox', { name: this.text.search });
    if ((await box.count()) === 0) await this.page.getByRole('button', { name: this.text.search, exact: true }).click();
    await box.fill(query);
  }

  /** Taps a card on Today to open the briefing at its own address, where the whole text and what changed are. */
  async openBriefing(title: string): Promise<void> {
    await this.briefing(title).getByRole('link', { name: title, exact: true }).click();
    await this.page.waitForURL(/\/briefings\//);
    await this.briefing(title).locator('.body').waitFor();
  }

  /** The one-tap language switch on a briefing's screen ("Ver original (inglés)", "Ver en español"), or '' when it has one text only. */
  async languageSwitch(title: string): Promise<string> {
    const button = this.briefing(title).locator('.language-switch');
    return (await button.count()) === 0 ? '' : (await button.innerText()).trim();
  }

  /** Taps the switch on the card titled `title` and waits for the card titled `then` (the other language's title). */
  async switchLanguage(title: string, then: string): Promise<void> {
    await this.briefing(title).locator('.language-switch').click();
    await this.briefing(then).waitFor();
  }

  /** The confirmation a card announces right after it was acknowledged on this screen, or ''. */
  async confirmation(title: string): Promise<string> {
    const status = this.briefing(title).getByRole('status');
    return (await status.count()) === 0 ? '' : (await status.innerText()).replace(/^✓\s*/, '').trim();
  }

  /** Where a card is on the page (not the viewport, which a tap may scroll), to show that answering it does not move it. */
  async top(title: string): Promise<number> {
    return this.briefing(title).evaluate((card) => Math.round(card.getBoundingClientRect().top + window.scrollY));
  }

  /** Titles of the cards on screen, in order. */
  async titles(): Promise<string[]> {
    return this.page.getByTestId('briefing').getByRole('heading', { level: 3 }).allInnerTexts();
  }

  /** The card's "what changed" lines: text taken out and put in. */
  async changes(title: string): Promise<{ removed: string[]; added: string[] }> {
    const card = this.briefing(title);
    const strip = (texts: string[]) => texts.map((t) => t.replace(/^(Removed|Added|Quitado|Añadido):\s*/, '').trim());
    return {
      removed: strip(await card.locator('.what-changed del').allInnerTexts()),
      added: strip(await card.locator('.what-changed ins').allInnerTexts()),
    };
  }

  /** The note that the text changed since the person acknowledged it, or '' when there is none. */
  async askedAgainNote(title: string): Promise<string> {
    const note = this.briefing(title).getByRole('note');
    return (await note.count()) === 0 ? '' : (await note.innerText()).trim();
  }
}
