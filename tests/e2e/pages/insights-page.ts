import type { Locator, Page } from 'playwright-core';

/** Words this page model looks for; literal, so a changed label fails a test instead of following along. */
const TEXT = {
  en: {
    nav: 'Main',
    tab: 'Reports',
    heading: 'Reports',
    exportButton: 'Export CSV',
    from: 'Received from',
    to: 'Received up to and including',
    retry: 'Try again',
    cancel: 'Cancel export',
    done: 'Done:',
    pendingHeading: 'Still to acknowledge',
    department: 'Department',
    search: 'Name or ID',
    csv: 'Download CSV',
    notYours: 'This briefing or store is not one you can report on.',
    backToReports: 'Reports',
    changeZone: 'Change time zone',
    zone: 'Time zone',
    saveZone: 'Save time zone',
  },
  es: {
    nav: 'Principal',
    tab: 'Informes',
    heading: 'Informes',
    exportButton: 'Exportar CSV',
    from: 'Recibidas desde',
    to: 'Recibidas hasta (incluido)',
    retry: 'Reintentar',
    cancel: 'Cancelar la exportación',
    done: 'Listo:',
    pendingHeading: 'Pendientes de confirmar',
    department: 'Departamento',
    search: 'Nombre o n.º',
    csv: 'Descargar CSV',
    notYours: 'No puedes ver informes de este comunicado o de esta tienda.',
    backToReports: 'Informes',
    changeZone: 'Cambiar zona horaria',
    zone: 'Zona horaria',
    saveZone: 'Guardar zona horaria',
  },
} as const;

/** The Reports tab: the compliance dashboard and, for HR, the audit CSV export. */
export class InsightsPage {
  readonly rate: Locator;
  readonly ackedOfTotal: Locator;
  readonly storeRows: Locator;
  readonly exportButton: Locator;
  readonly problem: Locator;
  readonly chart: Locator;
  readonly exportOutcome: Locator;
  private readonly text: (typeof TEXT)[keyof typeof TEXT];

  constructor(
    private readonly page: Page,
    locale: keyof typeof TEXT = 'en',
  ) {
    this.text = TEXT[locale];
    this.rate = page.getByTestId('kpi-rate');
    this.ackedOfTotal = page.getByTestId('kpi-acked');
    this.storeRows = page.getByTestId('store-row');
    this.exportButton = page.getByRole('button', { name: this.text.exportButton });
    this.problem = page.locator('.insights').getByRole('alert');
    this.chart = page.locator('svg.rate-chart__plot');
    this.exportOutcome = page.getByTestId('export-outcome');
  }

  private tab(): Locator {
    return this.page.getByRole('navigation', { name: this.text.nav }).getByRole('button', { name: this.text.tab, exact: true });
  }

  /** The tab appears once the first sync has said who this is. */
  async waitForTab(): Promise<void> {
    await this.tab().waitFor({ timeout: 15_000 });
  }

  /** Taps the tab and waits for the screen's heading. */
  async open(): Promise<void> {
    await this.waitForTab();
    await this.tab().click();
    await this.page.getByRole('heading', { level: 1, name: this.text.heading }).waitFor();
  }

  async waitForDashboard(): Promise<void> {
    await this.rate.waitFor({ timeout: 15_000 });
    await this.chart.or(this.page.locator('.rate-chart p.muted')).first().waitFor();
  }

  async storeNames(): Promise<string[]> {
    return (await this.storeRows.locator('th').allInnerTexts()).map((s) => s.trim());
  }

  /** Fills the optional date range (YYYY-MM-DD) and starts the export. */
  async startExport(range: { from?: string; to?: string } = {}): Promise<void> {
    if (range.from) await this.page.getByLabel(this.text.from).fill(range.from);
    if (range.to) await this.page.getByLabel(this.text.to).fill(range.to);
    await this.exportButton.click();
  }

  /**
   * Starts an export to a real file: Chromium's origin-private file system
   * stands in for the save dialog.
   */
  async startExportToFile(fileName: string, range: { from?: string; to?: string } = {}): Promise<void> {
    await this.page.evaluate((name) => {
      window.showSaveFilePicker = async () => (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
    }, fileName);
    await this.startExport(range);
  }

  /** What the export left in that file. */
  async fileText(fileName: string): Promise<string> {
    return this.page.evaluate(async (name) => (await (await (await navigator.storage.getDirectory()).getFileHandle(name)).getFile()).text(), fileName);
  }

  /** Exports to a real file, waits until the export says it is done and returns the file's text. */
  async exportToFile(range: { from?: string; to?: string } = {}): Promise<string> {
    await this.startExportToFile('export.csv', range);
    await this.exportOutcome.getByText(this.text.done).waitFor({ timeout: 30_000 });
    return this.fileText('export.csv');
  }

  async cancelExport(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.cancel }).click();
  }

  async retry(): Promise<void> {
    await this.problem.getByRole('button', { name: this.text.retry }).click();
  }

  /** The line under the heading that says the dates and the zone whose days they are. */
  scopeLine(): Locator {
    return this.page.locator('.dashboard__scope');
  }

  /** HR: "Change time zone" beside the zone, then a zone chosen and saved on the setting it opens. */
  async changeZone(zone: string): Promise<Locator> {
    await this.scopeLine().getByRole('link', { name: this.text.changeZone }).click();
    const setting = this.page.getByTestId('org-time-zone');
    await setting.getByLabel(this.text.zone).selectOption(zone);
    await setting.getByRole('button', { name: this.text.saveZone }).click();
    return setting.getByTestId('org-zone-saved');
  }

  /** Taps a store's name in "By store": the report narrows to that store. */
  async narrowToStore(name: string): Promise<void> {
    await this.storeRows.getByRole('button', { name, exact: true }).click();
    await this.page.getByTestId('report-store').getByText(name).waitFor();
  }

  /** The report's department filter. */
  async filterDepartment(name: string): Promise<void> {
    await this.page.getByTestId('report-department').selectOption({ label: name });
  }

  /** Chooses the period ("7 days"). */
  async choosePeriod(label: string): Promise<void> {
    await this.page.getByRole('radio', { name: label, exact: true }).check();
  }

  /** The filters as the screen shows them: the period checked, the store chosen (null: all) and the department selected. */
  async filters(): Promise<{ period: string | null; store: string | null; department: string }> {
    const checked = this.page.getByRole('radio', { checked: true });
    const period = (await checked.count()) === 1 ? ((await checked.evaluate((input) => input.closest('label')?.textContent)) ?? null) : null;
    const chosen = this.page.getByTestId('report-store');
    const store = (await chosen.count()) === 1 ? await chosen.innerText() : null;
    const department = await this.page.getByTestId('report-department').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
    return { period: period?.trim() ?? null, store, department };
  }

  /** Taps a briefing's title in "By briefing": the people still to acknowledge it. */
  async openBriefing(title: string): Promise<PendingList> {
    await this.page.locator('#by-briefing').locator('..').getByRole('link', { name: title }).click();
    const list = new PendingList(this.page, this.text);
    await list.heading.waitFor();
    return list;
  }

  /** Types part of a briefing's title in "Find a briefing" and taps the match: the people still to acknowledge it. */
  async findBriefing(title: string): Promise<PendingList> {
    await this.page.getByTestId('briefing-finder').fill(title);
    await this.page.getByTestId('found-briefing').filter({ hasText: title }).getByRole('link').click();
    const list = new PendingList(this.page, this.text);
    await list.heading.waitFor();
    return list;
  }

  /** The list as if opened from an address (a pasted or bookmarked link). */
  pendingList(): PendingList {
    return new PendingList(this.page, this.text);
  }
}

/** Who has not acknowledged a briefing: in all stores or one, with filters, CSV and remind. */
export class PendingList {
  readonly heading: Locator;
  readonly count: Locator;
  readonly scope: Locator;
  readonly people: Locator;
  readonly stores: Locator;
  readonly csvOutcome: Locator;
  readonly notYours: Locator;
  readonly remindReach: Locator;
  readonly remindResult: Locator;

  constructor(
    private readonly page: Page,
    private readonly text: (typeof TEXT)[keyof typeof TEXT],
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: text.pendingHeading });
    this.count = page.getByTestId('pending-count');
    this.scope = page.getByTestId('pending-scope');
    this.people = page.getByTestId('pending-person');
    this.stores = page.getByTestId('pending-store');
    this.csvOutcome = page.getByTestId('pending-csv-outcome');
    this.notYours = page.getByTestId('pending-not-yours');
    this.remindReach = page.getByTestId('remind-reach');
    this.remindResult = page.getByTestId('pending-remind-result');
  }

  async names(): Promise<string[]> {
    return (await this.people.locator('th .cell-title').allInnerTexts()).map((s) => s.trim());
  }

  /** Taps a store in "Stores with most still to acknowledge". */
  async openStore(name: string): Promise<void> {
    await this.stores.filter({ hasText: name }).getByRole('link').click();
    await this.scope.getByText(name).waitFor();
  }

  async filterDepartment(name: string): Promise<void> {
    await this.page.getByLabel(this.text.department).selectOption({ label: name });
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel(this.text.search).fill(text);
  }

  /** The department and search as the screen shows them. */
  async filters(): Promise<{ department: string; search: string }> {
    const department = await this.page.getByLabel(this.text.department).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
    return { department, search: await this.page.getByLabel(this.text.search).inputValue() };
  }

  async remind(): Promise<void> {
    await this.page.getByTestId('pending-remind').click();
  }

  /** The list's own way back to Reports. */
  async backToReports(): Promise<void> {
    await this.page.locator('.pending__back').getByRole('link', { name: this.text.backToReports }).click();
  }

  /** Downloads the CSV into a real file (Chromium's origin-private file system stands in for the save dialog) and returns its text. */
  async downloadCsv(fileName: string, done: string): Promise<string> {
    await this.page.evaluate((name) => {
      window.showSaveFilePicker = async () => (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
    }, fileName);
    await this.page.getByRole('button', { name: this.text.csv }).click();
    await this.csvOutcome.getByText(done).waitFor({ timeout: 15_000 });
    return this.page.evaluate(async (name) => (await (await (await navigator.storage.getDirectory()).getFileHandle(name)).getFile()).text(), fileName);
  }
}
