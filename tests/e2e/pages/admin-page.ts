import type { Locator, Page } from 'playwright-core';

/** The admin screens (#12): people list and form, stores, departments, the admin log, in English. */
export class AdminPage {
  readonly main: Locator;
  readonly search: Locator;
  readonly table: Locator;
  readonly cards: Locator;
  readonly saved: Locator;
  readonly log: Locator;
  readonly exportOutcome: Locator;
  /** The person screen's newly made activation code, in large characters (#12 item 3). */
  readonly issuedCode: Locator;

  constructor(readonly page: Page) {
    this.main = page.locator('main');
    this.search = page.getByLabel('Search by name, employee ID or email');
    this.table = page.getByTestId('people-table');
    this.cards = page.getByTestId('people-cards');
    this.saved = page.getByTestId('person-saved');
    this.log = page.getByTestId('admin-log');
    this.exportOutcome = page.getByTestId('log-export-outcome');
    this.issuedCode = page.getByTestId('issued-code');
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The people table's rows as their cells' words (wide layout). */
  async tableRows(): Promise<string[][]> {
    const rows = await this.table.locator('tbody tr').all();
    return Promise.all(rows.map(async (row) => (await row.locator('th, td').allInnerTexts()).map((s) => s.trim())));
  }

  /** The people cards' words (phone layout). */
  async cardTexts(): Promise<string[]> {
    return (await this.cards.locator('li').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
  }

  /** Presses "New activation code" on the person screen and answers the code shown, once a different one than `previous` is there. */
  async newActivationCode(previous?: string): Promise<string> {
    await this.page.getByRole('button', { name: 'New activation code' }).click();
    const shown = this.issuedCode.locator('.admin-code__code');
    await this.page.waitForFunction(
      ({ previous }) => {
        const text = document.querySelector('[data-testid="issued-code"] .admin-code__code')?.textContent?.trim() ?? '';
        return text !== '' && text !== previous;
      },
      { previous: previous ?? '' },
    );
    return (await shown.innerText()).trim();
  }

  /** The words of a select's options. */
  async options(label: string): Promise<string[]> {
    return (await this.field(label).locator('option').allInnerTexts()).map((s) => s.trim());
  }

  async logEntries(): Promise<string[]> {
    return (await this.log.locator(':scope > li').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
  }

  /** Exports the log to a real file (Chromium's origin-private file system stands in for the save dialog) and returns its text. */
  async exportLog(fileName = 'admin-log.csv'): Promise<string> {
    await this.page.evaluate((name) => {
      window.showSaveFilePicker = async () => (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
    }, fileName);
    await this.page.getByRole('button', { name: 'Export CSV' }).click();
    await this.exportOutcome.getByText(/^Exported \d+ rows?\.$/).waitFor({ timeout: 30_000 });
    return this.page.evaluate(async (name) => (await (await (await navigator.storage.getDirectory()).getFileHandle(name)).getFile()).text(), fileName);
  }
}
