import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/demo-db';
import { UI_TEXT, type UiLocale } from './ui-text';

/** The sign-in form a signed-out phone shows (in the browser's language: English unless the test's phone says otherwise). */
export class SignInPage {
  private readonly text: (typeof UI_TEXT)[UiLocale];

  constructor(
    private readonly page: Page,
    locale: UiLocale = 'en',
  ) {
    this.text = UI_TEXT[locale];
  }

  async open(appUrl: string): Promise<void> {
    await this.page.goto(appUrl);
    await this.page.getByLabel(this.text.email).waitFor();
  }

  /** Signs in and waits for the signed-in shell (its tab bar, or at 1024 px and wider its side navigation, in any language). */
  async signIn(email: string, password: string = DEMO_PASSWORD): Promise<void> {
    await this.page.getByLabel(this.text.email).fill(email);
    await this.page.getByLabel(this.text.password).fill(password);
    await this.page.getByRole('button', { name: this.text.signIn, exact: true }).click();
    await this.page.locator('nav.tabbar:visible, nav.sidenav:visible').waitFor({ timeout: 15_000 });
  }

  /** Waits until the sign-in form is on screen (after a sign-out). */
  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.signIn, exact: true }).waitFor();
  }
}
