import type { Locator, Page } from 'playwright-core';
import { SyncStatus } from './sync-status';
import { UI_TEXT, type UiLocale } from './ui-text';

/** The Account screen: who is signed in, what is waiting, and a sign-out that warns first. */
export class AccountPage {
  readonly status: SyncStatus;
  /** The "N items have not been sent yet" warning shown before signing out with waiting items. */
  readonly signOutWarning: Locator;
  /** The "Language / Idioma" radio group. */
  readonly language: Locator;
  private readonly text: (typeof UI_TEXT)[UiLocale];

  constructor(
    private readonly page: Page,
    locale: UiLocale = 'en',
  ) {
    this.status = new SyncStatus(page);
    this.signOutWarning = page.getByRole('alertdialog');
    this.text = UI_TEXT[locale];
    this.language = page.getByRole('group', { name: this.text.language });
  }

  /** From the bar (staff) or through More (managers and HR). */
  async open(): Promise<void> {
    const nav = this.page.getByRole('navigation', { name: this.text.nav });
    const more = nav.getByRole('button', { name: this.text.more, exact: true });
    if (await more.count()) {
      await more.click();
      await this.page.getByRole('main').getByRole('button', { name: this.text.account, exact: true }).click();
    } else {
      await nav.getByRole('button', { name: this.text.account, exact: true }).click();
    }
    await this.page.getByRole('heading', { level: 1, name: this.text.account }).waitFor();
  }

  async waitingCount(): Promise<number> {
    return Number(await this.page.getByTestId('waiting-count').innerText());
  }

  async signedInAs(): Promise<string> {
    return (await this.page.getByText(this.text.signedInAs).innerText()).trim();
  }

  /** Taps "Sign out": with nothing waiting this signs out; otherwise the warning appears. */
  async tapSignOut(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.signOut, exact: true }).click();
  }

  /** Picks a language in the switch ("English" or "Español", the same in every language). */
  async chooseLanguage(name: 'English' | 'Español'): Promise<void> {
    await this.language.getByRole('radio', { name }).check();
  }

  /** What each refused item is about, as the Problems list names it ("Kudos to Sam Patel: “Great job…”"). */
  async refusedItems(): Promise<string[]> {
    return this.page.getByTestId('refused-item').locator('strong').allInnerTexts();
  }

  /** The refused item whose name contains `text`. */
  refusedItem(text: string): Locator {
    return this.page.getByTestId('refused-item').filter({ has: this.page.locator('strong', { hasText: text }) });
  }

  async discard(text: string): Promise<void> {
    await this.refusedItem(text).getByRole('button', { name: 'Discard' }).click();
  }

  async tryAgain(text: string): Promise<void> {
    await this.refusedItem(text).getByRole('button', { name: 'Try again' }).click();
  }

  async signOutAnyway(): Promise<void> {
    await this.signOutWarning.getByRole('button', { name: this.text.signOutAnyway }).click();
  }
}
