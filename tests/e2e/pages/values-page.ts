import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SyncStatus } from './sync-status';
import type { UiLocale } from './ui-text';

/** The words this page model looks for; literal, so a changed label fails a test instead of following along. */
export const VALUES_TEXT = {
  en: {
    nav: 'Main',
    tab: 'Values',
    more: 'More',
    heading: 'Values',
    sections: 'Values sections',
    cards: 'Our values',
    give: 'Give kudos',
    wall: 'Kudos wall',
    report: 'Recognition',
    edit: 'Edit cards',
    previous: 'Previous',
    next: 'Next',
    search: 'Find a colleague',
    value: 'Value (optional)',
    message: 'Message',
    send: 'Give kudos',
    received: 'Kudos you received',
    newCard: 'New values card',
    title: 'Title',
    statement: 'Statement',
    onTheFloor: 'What it looks like on the floor',
    examples: 'Real examples',
    save: 'Save card',
    addSpanish: 'Add Spanish version',
    inSpanish: (field: string) => `${field} in Spanish`,
    up: 'Move up',
    down: 'Move down',
    archive: 'Archive',
    confirmArchive: 'Yes, archive',
    period: 'Period',
    days: (n: number) => `${n} days`,
    headings: { cards: 'Our values', give: 'Thank a colleague', wall: 'Kudos wall', report: 'Which values get recognised', edit: 'Edit values cards' },
  },
  es: {
    nav: 'Principal',
    tab: 'Valores',
    more: 'Más',
    heading: 'Valores',
    sections: 'Secciones de valores',
    cards: 'Nuestros valores',
    give: 'Dar las gracias',
    wall: 'Muro de reconocimientos',
    report: 'Reconocimiento',
    edit: 'Editar tarjetas',
    previous: 'Anterior',
    next: 'Siguiente',
    search: 'Busca a un compañero',
    value: 'Valor (opcional)',
    message: 'Mensaje',
    send: 'Dar el reconocimiento',
    received: 'Reconocimientos que has recibido',
    newCard: 'Nueva tarjeta de valor',
    title: 'Título',
    statement: 'Declaración',
    onTheFloor: 'Cómo se ve en la tienda',
    examples: 'Ejemplos reales',
    save: 'Guardar la tarjeta',
    addSpanish: 'Añadir versión en español',
    inSpanish: (field: string) => `${field} en español`,
    up: 'Subir',
    down: 'Bajar',
    archive: 'Archivar',
    confirmArchive: 'Sí, archivar',
    period: 'Periodo',
    days: (n: number) => `${n} días`,
    headings: {
      cards: 'Nuestros valores',
      give: 'Da las gracias a alguien',
      wall: 'Muro de reconocimientos',
      report: 'Qué valores se reconocen',
      edit: 'Editar las tarjetas de valores',
    },
  },
} as const;

export type ValuesSection = 'cards' | 'give' | 'wall' | 'report' | 'edit';

export interface KudosInput {
  /** The colleague's name as the picker shows it. */
  to: string;
  /** A values card title, or none for "no particular value". */
  value?: string;
  message: string;
}

/** One kudos as the wall shows it; state is "" once the server has it, else "Saved on this phone, will send" or "Not sent: …". */
export interface ShownKudos {
  from: string;
  to: string;
  value: string;
  message: string;
  state: string;
}

export interface CardInput {
  title: string;
  statement: string;
  onTheFloor?: string;
  examples?: string[];
}

export interface ReportStore {
  store: string;
  total: number;
  values: Array<{ title: string; count: number }>;
}

/** The Values tab: the cards deck, giving kudos, the wall, and for managers and HR the report and card editor. */
export class ValuesPage {
  readonly status: SyncStatus;
  private readonly text: (typeof VALUES_TEXT)[UiLocale];

  constructor(
    private readonly page: Page,
    locale: UiLocale = 'en',
  ) {
    this.status = new SyncStatus(page);
    this.text = VALUES_TEXT[locale];
  }

  /**
   * Staff tap Values on the bar; managers and HR find it under More, which appears once the first sync has
   * said who they are (before that every bar is a staff bar, so 'more' waits for it).
   */
  async open(via: 'bar' | 'more' = 'bar'): Promise<void> {
    const bar = this.page.getByRole('navigation', { name: this.text.nav });
    if (via === 'bar') await bar.getByRole('button', { name: this.text.tab, exact: true }).click();
    else {
      await bar.getByRole('button', { name: this.text.more, exact: true }).click({ timeout: 20_000 });
      await this.page.getByRole('main').getByRole('button', { name: this.text.tab, exact: true }).click();
    }
    await this.page.getByRole('heading', { level: 1, name: this.text.heading }).waitFor();
  }

  async show(section: ValuesSection): Promise<void> {
    const label = this.text[section];
    await this.page.getByRole('group', { name: this.text.sections }).getByRole('button', { name: label, exact: true }).click();
    await this.page.getByRole('heading', { level: 2, name: this.text.headings[section], exact: true }).waitFor();
  }

  // The cards.

  card(): Locator {
    return this.page.getByTestId('value-card');
  }

  async cardTitle(): Promise<string> {
    return (await this.card().getByRole('heading', { level: 3 }).innerText()).trim();
  }

  /** "2 of 5". */
  async position(): Promise<string> {
    return (await this.page.getByTestId('deck-position').innerText()).trim();
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.next, exact: true }).click();
  }

  async previous(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.previous, exact: true }).click();
  }

  /** A pointer dragged across the card: 'left' turns to the next card, 'right' back. */
  async swipe(direction: 'left' | 'right'): Promise<void> {
    const box = await this.card().boundingBox();
    if (!box) throw new Error('no values card on screen');
    const y = box.y + Math.min(box.height / 2, 120);
    const [from, to] = direction === 'left' ? [box.x + box.width - 30, box.x + 30] : [box.x + 30, box.x + box.width - 30];
    await this.page.mouse.move(from, y);
    await this.page.mouse.down();
    await this.page.mouse.move(to, y + 8, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Every card title in order, stepping from the first to the last with the Next button. */
  async cardTitles(): Promise<string[]> {
    await this.show('cards');
    await this.card().focus();
    await this.page.keyboard.press('Home');
    const titles = [await this.cardTitle()];
    const next = this.page.getByRole('button', { name: this.text.next, exact: true });
    while (await next.isEnabled()) {
      await next.click();
      titles.push(await this.cardTitle());
    }
    return titles;
  }

  /** Steps the deck (from the first card) to the card with this title, in whichever language it reads. */
  async goToCard(title: string): Promise<void> {
    await this.show('cards');
    await this.card().focus();
    await this.page.keyboard.press('Home');
    const next = this.page.getByRole('button', { name: this.text.next, exact: true });
    while ((await this.cardTitle()) !== title) {
      if (!(await next.isEnabled())) throw new Error(`no values card titled ${title}`);
      await next.click();
    }
  }

  /** The card's one-tap language switch: what it offers ("Ver en español", "Show original (English)"), or null when the card has one language. */
  async languageOffer(): Promise<string | null> {
    const button = this.card().locator('.language-switch');
    return (await button.count()) ? (await button.innerText()).trim() : null;
  }

  /** Taps the card's language switch and waits for the card to read in the other language. */
  async switchLanguage(): Promise<void> {
    const before = await this.cardTitle();
    await this.card().locator('.language-switch').click();
    await this.card().getByRole('heading', { level: 3 }).filter({ hasNotText: before }).waitFor();
  }

  /** The card's statement and examples as shown. */
  async cardTexts(): Promise<{ statement: string; examples: string[]; lang: string | null }> {
    const statement = this.card().locator('.value-card__statement');
    return {
      statement: (await statement.innerText()).trim(),
      examples: (await this.card().locator('.value-card__examples li').allInnerTexts()).map((e) => e.trim()),
      lang: await statement.evaluate((node) => node.closest('[lang]')?.getAttribute('lang') ?? null),
    };
  }

  // Kudos.

  /** Waits until the colleague picker lists this name (the roster arrives after the first sync). */
  async waitForColleague(name: string): Promise<void> {
    await this.page.getByRole('radio', { name, exact: true }).waitFor({ timeout: 20_000 });
  }

  /** Fills the kudos form (searching for the colleague by name) without sending it. */
  async fillKudos(kudos: KudosInput): Promise<void> {
    await this.page.getByLabel(this.text.search).fill(kudos.to);
    await this.page.getByRole('radio', { name: kudos.to, exact: true }).check();
    if (kudos.value) await this.page.getByLabel(this.text.value).selectOption({ label: kudos.value });
    await this.page.getByLabel(this.text.message, { exact: true }).fill(kudos.message);
  }

  /** Opens the form, gives the kudos, and waits for the wall it lands on. */
  async giveKudos(kudos: KudosInput): Promise<void> {
    await this.show('give');
    await this.waitForColleague(kudos.to);
    await this.fillKudos(kudos);
    await this.page.locator('form.kudos-form').getByRole('button', { name: this.text.send, exact: true }).click();
    await this.page.getByTestId('kudos-wall').waitFor();
  }

  /** The store wall as shown, newest first. */
  async wall(): Promise<ShownKudos[]> {
    await this.show('wall');
    return this.kudosIn(this.page.getByTestId('kudos-wall'));
  }

  /** "Kudos you received" as shown, newest first. */
  async receivedKudos(): Promise<ShownKudos[]> {
    await this.show('wall');
    await this.page.getByRole('heading', { level: 3, name: this.text.received }).waitFor();
    return this.kudosIn(this.page.getByTestId('kudos-received'));
  }

  private async kudosIn(list: Locator): Promise<ShownKudos[]> {
    const text = async (item: Locator, id: string) => ((await item.getByTestId(id).count()) ? (await item.getByTestId(id).innerText()).trim() : '');
    const shown: ShownKudos[] = [];
    for (const item of await list.getByTestId('kudos').all()) {
      shown.push({
        from: await text(item, 'kudos-from'),
        to: await text(item, 'kudos-to'),
        value: await text(item, 'kudos-value'),
        message: await text(item, 'kudos-message'),
        state: await text(item, 'kudos-state'),
      });
    }
    return shown;
  }

  // HR's card editor.

  /** Opens the editor's form for a new card and fills it, without saving. */
  async startCard(card: CardInput): Promise<void> {
    await this.show('edit');
    await this.page.getByRole('button', { name: this.text.newCard }).click();
    await this.page.getByLabel(this.text.title, { exact: true }).fill(card.title);
    await this.page.getByLabel(this.text.statement, { exact: true }).fill(card.statement);
    if (card.onTheFloor) await this.page.getByLabel(this.text.onTheFloor, { exact: true }).fill(card.onTheFloor);
    if (card.examples) await this.page.getByLabel(this.text.examples, { exact: true }).fill(card.examples.join('\n'));
  }

  /** Opens the card form's "Add Spanish version" and types the card in Spanish. */
  async addSpanishVersion(card: CardInput): Promise<void> {
    await this.page.getByRole('button', { name: this.text.addSpanish }).click();
    await this.page.getByLabel(this.text.inSpanish(this.text.title), { exact: true }).fill(card.title);
    await this.page.getByLabel(this.text.inSpanish(this.text.statement), { exact: true }).fill(card.statement);
    if (card.onTheFloor) await this.page.getByLabel(this.text.inSpanish(this.text.onTheFloor), { exact: true }).fill(card.onTheFloor);
    if (card.examples) await this.page.getByLabel(this.text.inSpanish(this.text.examples), { exact: true }).fill(card.examples.join('\n'));
  }

  /** Saves the open card form and waits for the editor's list (the save needs the network). */
  async saveCard(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.save }).click();
    await this.editorList().waitFor({ timeout: 20_000 });
  }

  async createCard(card: CardInput): Promise<void> {
    await this.startCard(card);
    await this.saveCard();
  }

  editorList(): Locator {
    return this.page.getByTestId('values-editor');
  }

  private editable(title: string): Locator {
    return this.page.getByTestId('editable-card').filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  /** The editor's cards in order, as this phone last synced them. */
  async editorTitles(): Promise<string[]> {
    return (await this.page.getByTestId('editable-card').getByRole('heading', { level: 3 }).allInnerTexts()).map((s) => s.trim());
  }

  async moveUp(title: string): Promise<void> {
    await this.editable(title).getByRole('button', { name: this.text.up }).click();
  }

  async archive(title: string): Promise<void> {
    await this.editable(title).getByRole('button', { name: this.text.archive, exact: true }).click();
    await this.editable(title).getByRole('button', { name: this.text.confirmArchive }).click();
  }

  /** What the editor last said: a done notice (status) or a problem (alert). */
  async editorNotice(): Promise<string> {
    const notice = this.page.locator('.values-editor').getByRole('status').or(this.page.locator('.values-editor').getByRole('alert'));
    return (await notice.count()) ? (await notice.first().innerText()).trim() : '';
  }

  // The recognition report.

  async chooseDays(days: 30 | 90): Promise<void> {
    await this.page.getByRole('group', { name: this.text.period }).getByLabel(this.text.days(days)).check();
  }

  /** Per store as shown: total and per-value counts (digits read from the text, so it works in either language). */
  async reportStores(): Promise<ReportStore[]> {
    await this.page.getByTestId('recognition-store').first().waitFor({ timeout: 15_000 });
    const digits = (s: string) => Number(s.replace(/\D/g, ''));
    const stores: ReportStore[] = [];
    for (const store of await this.page.getByTestId('recognition-store').all()) {
      const values = [];
      for (const row of await store.getByTestId('recognition-value').all()) {
        values.push({
          title: (await row.locator('.recognition__title').innerText()).trim(),
          count: digits(await row.locator('.recognition__count').innerText()),
        });
      }
      stores.push({
        store: (await store.getByRole('heading', { level: 3 }).innerText()).trim(),
        total: digits(await store.getByTestId('recognition-total').innerText()),
        values,
      });
    }
    return stores;
  }

  /** The report's problem line (offline, refused), or "". */
  async reportProblem(): Promise<string> {
    const alert = this.page.getByTestId('recognition').getByRole('alert');
    return (await alert.count()) ? (await alert.locator('p').innerText()).trim() : '';
  }

  /** What the phone shows, into SCREENSHOT_DIR when it is set, for a person to look at. */
  async snapshot(name: string, fullPage = false): Promise<void> {
    const dir = process.env.SCREENSHOT_DIR;
    if (!dir) return;
    await mkdir(dir, { recursive: true });
    await this.page.screenshot({ path: join(dir, `${name}.png`), fullPage });
  }
}
