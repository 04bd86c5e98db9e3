import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SyncStatus } from './sync-status';
import type { UiLocale } from './ui-text';

/** The words this page model looks for; literal, so a changed label fails a test instead of following along. */
export const COMPOSE_TEXT = {
  en: {
    nav: 'Main',
    tab: 'Briefings',
    newBriefing: 'New briefing',
    kind: 'Kind',
    title: 'Title',
    body: 'Text',
    stores: 'Stores',
    requiresAck: 'Staff must acknowledge it',
    ackDue: 'Acknowledge by (optional)',
    preview: 'Preview',
    cancel: 'Cancel',
    send: 'Send briefing',
    sendEdit: 'Send new version',
    edit: 'Edit',
    retract: 'Retract',
    confirmRetract: 'Yes, retract',
    reach: 'Who has read it',
    refresh: 'Refresh',
    back: 'Back to your briefings',
  },
  es: {
    nav: 'Principal',
    tab: 'Comunicados',
    newBriefing: 'Nuevo comunicado',
    kind: 'Tipo',
    title: 'Título',
    body: 'Texto',
    stores: 'Tiendas',
    requiresAck: 'El equipo debe confirmar que lo ha leído',
    ackDue: 'Confirmar antes de (opcional)',
    preview: 'Vista previa',
    cancel: 'Cancelar',
    send: 'Enviar comunicado',
    sendEdit: 'Enviar nueva versión',
    edit: 'Editar',
    retract: 'Retirar',
    confirmRetract: 'Sí, retirar',
    reach: 'Quién lo ha leído',
    refresh: 'Actualizar',
    back: 'Volver a tus comunicados',
  },
} as const satisfies Record<UiLocale, Record<string, string>>;

export interface DraftInput {
  title?: string;
  body?: string;
  /** datetime-local text; ticks "must acknowledge" first. */
  ackDue?: string;
}

/** The Briefings tab of a manager or HR: their briefings, the compose form, its preview and the reach view. */
export class ComposePage {
  readonly status: SyncStatus;
  private readonly text: (typeof COMPOSE_TEXT)[UiLocale];

  constructor(
    private readonly page: Page,
    locale: UiLocale = 'en',
  ) {
    this.status = new SyncStatus(page);
    this.text = COMPOSE_TEXT[locale];
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: this.text.nav }).getByRole('button', { name: this.text.tab, exact: true }).click();
    await this.page.getByRole('button', { name: this.text.newBriefing }).waitFor();
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.newBriefing }).click();
    await this.page.getByLabel(this.text.title, { exact: true }).waitFor();
  }

  async fill(draft: DraftInput): Promise<void> {
    if (draft.title !== undefined) await this.page.getByLabel(this.text.title, { exact: true }).fill(draft.title);
    if (draft.body !== undefined) await this.page.getByLabel(this.text.body, { exact: true }).fill(draft.body);
    if (draft.ackDue !== undefined) {
      await this.page.getByLabel(this.text.requiresAck).check();
      await this.page.getByLabel(this.text.ackDue).fill(draft.ackDue);
    }
  }

  /** The names of the stores the form offers. */
  async storeOptions(): Promise<string[]> {
    const group = this.page.getByRole('group', { name: this.text.stores });
    return (await group.locator('label.choice__option').allInnerTexts()).map((s) => s.trim());
  }

  /** The kind of briefing chosen (HR only), e.g. "Policy". */
  async chosenKind(): Promise<string> {
    return (await this.page.getByRole('group', { name: this.text.kind }).locator('label.choice__option:has(input:checked)').innerText()).trim();
  }

  /** The reach headline, e.g. "Reaches 14 people at Downtown". */
  async reach(): Promise<string> {
    const line = this.page.getByTestId('reach').first();
    const headline = line.locator('.reach-line__headline');
    return ((await headline.count()) > 0 ? await headline.innerText() : await line.innerText()).trim();
  }

  async preview(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.preview, exact: true }).click();
    await this.page.getByRole('heading', { level: 2, name: this.text.preview }).waitFor();
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.cancel }).click();
    await this.page.getByRole('button', { name: this.text.newBriefing }).waitFor();
  }

  /** Sends from the preview (a new briefing or a new version) and waits for the list. */
  async send(): Promise<void> {
    await this.page
      .getByRole('button', { name: this.text.send })
      .or(this.page.getByRole('button', { name: this.text.sendEdit }))
      .click();
    await this.page.getByRole('button', { name: this.text.newBriefing }).waitFor();
  }

  card(title: string): Locator {
    return this.page.getByTestId('authored-briefing').filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  /** "Saved on this phone, will send", "Sent (version 2)", or "" when the briefing is not listed. */
  async sendState(title: string): Promise<string> {
    const state = this.card(title).getByTestId('send-state');
    return (await state.count()) === 0 ? '' : (await state.innerText()).trim();
  }

  async edit(title: string): Promise<void> {
    await this.card(title).getByRole('button', { name: this.text.edit }).click();
    await this.page.getByLabel(this.text.title, { exact: true }).waitFor();
  }

  /** Retract, confirm, and wait until the card has left the list. */
  async retract(title: string): Promise<void> {
    const card = this.card(title);
    await card.getByRole('button', { name: this.text.retract, exact: true }).click();
    await card.getByRole('button', { name: this.text.confirmRetract }).click();
    await card.waitFor({ state: 'detached' });
  }

  /** Opens who has read it; the figures need the network, so this waits only for the view. */
  async openReach(title: string): Promise<void> {
    await this.card(title).getByRole('button', { name: this.text.reach }).click();
    await this.page.getByTestId('ack-status').waitFor();
  }

  async refreshReach(): Promise<void> {
    await this.page.getByTestId('ack-status').getByRole('button', { name: this.text.refresh }).click();
  }

  /** What the reach view says about the connection, or "" when it says nothing. */
  async reachNotice(): Promise<string> {
    const notice = this.page.getByTestId('ack-status').getByRole('status');
    return (await notice.count()) === 0 ? '' : (await notice.innerText()).trim();
  }

  async closeReach(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.back }).click();
    await this.page.getByRole('button', { name: this.text.newBriefing }).waitFor();
  }

  /** "Acknowledged N of M", once the server has answered. */
  async ackSummary(): Promise<string> {
    return (await this.page.getByTestId('ack-summary').innerText()).trim();
  }

  /** The people the reach view lists as not having acknowledged, as shown. */
  async pendingNames(): Promise<string[]> {
    return (await this.page.getByTestId('ack-pending').locator('.compose-reach__name').allInnerTexts()).map((s) => s.trim());
  }

  /** The whole page, into SCREENSHOT_DIR when it is set, for a person to look at. */
  async snapshot(name: string): Promise<void> {
    const dir = process.env.SCREENSHOT_DIR;
    if (!dir) return;
    await mkdir(dir, { recursive: true });
    await this.page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }
}
