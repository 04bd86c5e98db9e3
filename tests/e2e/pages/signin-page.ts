import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/demo-db';

/** The sign-in form a signed-out phone shows. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(appUrl: string): Promise<void> {
    await this.page.goto(appUrl);
    await this.page.getByLabel('Email').waitFor();
  }

  /** Signs in and waits for the signed-in shell (its tab bar). */
  async signIn(email: string, password: string = DEMO_PASSWORD): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await this.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 15_000 });
  }

  /** Waits until the sign-in form is on screen (after a sign-out). */
  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  }
}
