import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'retrying' | 'signin_required' | 'stopped';

/** The sticky status line every signed-in screen shows. */
export class SyncStatus {
  readonly bar: Locator;

  constructor(page: Page) {
    this.bar = page.getByTestId('sync-status');
  }

  /** Outbox entries waiting to be sent, as the bar reports them. */
  async waiting(): Promise<number> {
    return Number(await this.bar.getAttribute('data-waiting'));
  }

  async phase(): Promise<SyncPhase> {
    return (await this.bar.getAttribute('data-phase')) as SyncPhase;
  }

  async text(): Promise<string> {
    return (await this.bar.innerText()).trim();
  }

  async waitForWaiting(count: number, timeout = 15_000): Promise<void> {
    await expect.poll(() => this.waiting(), { timeout, interval: 100 }).toBe(count);
  }

  /** "N items were refused": opens the list of refused items (Account). */
  refusedLink(): Locator {
    return this.bar.getByRole('button', { name: /(was|were) refused/ });
  }

  /** The bar's "Sign in" button, offered while sync waits for the person to sign in again. */
  signInButton(): Locator {
    return this.bar.getByRole('button', { name: 'Sign in', exact: true });
  }

  async waitForPhase(phase: SyncPhase, timeout = 15_000): Promise<void> {
    await expect.poll(() => this.phase(), { timeout, interval: 100 }).toBe(phase);
  }
}
