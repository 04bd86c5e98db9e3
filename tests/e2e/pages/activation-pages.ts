import type { Locator, Page } from 'playwright-core';

/** /activation-sheet, as a manager or HR uses it. */
export class ActivationSheetPage {
  constructor(private readonly page: Page) {}

  async open(appUrl: string): Promise<void> {
    await this.page.goto(`${appUrl}/activation-sheet`);
    await this.page.getByRole('heading', { level: 1, name: 'Activation sheet' }).waitFor();
  }

  /** Makes codes for the store chosen (the first one the person runs unless `store` names another). */
  async make(store?: string): Promise<void> {
    const select = this.page.getByLabel('Store', { exact: true });
    await select.waitFor();
    if (store) await select.selectOption({ label: store });
    await this.page.getByRole('button', { name: 'Make codes' }).click();
    await this.page.getByRole('heading', { level: 2, name: /^Activation codes:/ }).waitFor();
  }

  card(employeeId: string): Locator {
    return this.page.locator(`.sheet__card[data-employee-id="${employeeId}"]`);
  }

  /** The code printed on a person's card, once it is there. */
  async codeOf(employeeId: string): Promise<string> {
    const code = this.card(employeeId).locator('.sheet__code');
    await code.waitFor();
    return (await code.innerText()).trim();
  }

  /** The /activate address printed under the person's QR code. */
  async addressOf(employeeId: string): Promise<string> {
    return (await this.card(employeeId).locator('.sheet__address').innerText()).trim();
  }
}

/** /activate, signed out. */
export class ActivatePage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Activate your account' }).waitFor();
  }

  code(): Locator {
    return this.page.getByLabel('Activation code');
  }

  async fill(employeeId: string, password: string, again = password): Promise<void> {
    await this.page.getByLabel('Employee ID').fill(employeeId);
    await this.page.getByLabel('New password', { exact: true }).fill(password);
    await this.page.getByLabel('New password again').fill(again);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Activate and sign in' }).click();
  }

  error(): Locator {
    return this.page.getByRole('alert');
  }
}
