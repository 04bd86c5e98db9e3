import type { Locator, Page } from 'playwright-core';
import { SyncStatus } from './sync-status';

/** The Account screen: who is signed in, what is waiting, and a sign-out that warns first. */
export class AccountPage {
  readonly status: SyncStatus;
  /** The "N items have not been sent yet" warning shown before signing out with waiting items. */
  readonly signOutWarning: Locator;

  constructor(private readonly page: Page) {
    this.status = new SyncStatus(page);
    this.signOutWarning = page.getByRole('alertdialog');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Account', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
  }

  async waitingCount(): Promise<number> {
    return Number(await this.page.getByTestId('waiting-count').innerText());
  }

  async signedInAs(): Promise<string> {
    return (await this.page.getByText('Signed in as').innerText()).trim();
  }

  /** Taps "Sign out": with nothing waiting this signs out; otherwise the warning appears. */
  async tapSignOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out', exact: true }).click();
  }

  async signOutAnyway(): Promise<void> {
    await this.signOutWarning.getByRole('button', { name: 'Sign out anyway' }).click();
  }
}
