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
    audience: 'Who gets it',
    formatting: 'Formatting',
    addTranslation: 'Add Spanish version',
    translationAdded: 'Spanish version added',
    translationTitle: 'Title in Spanish',
    translationBody: 'Text in Spanish',
    bold: 'Bold',
    list: 'List',
    link: 'Link',
    linkUrl: 'Link address',
    linkAdd: 'Add link',
    templates: { shiftHuddle: 'Shift huddle', safetyAlert: 'Safety alert', policyUpdate: 'Policy update' },
    repeat: 'Repeat a past briefing',
    publishLater: 'Publish later',
    publishAt: 'Publish at',
    previewBack: 'Back to editing',
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
    audience: 'Quién lo recibe',
    formatting: 'Formato',
    addTranslation: 'Añadir versión en inglés',
    translationAdded: 'Versión en inglés añadida',
    translationTitle: 'Título en inglés',
    translationBody: 'Texto en inglés',
    bold: 'Negrita',
    list: 'Lista',
    link: 'Enlace',
    linkUrl: 'Dirección del enlace',
    linkAdd: 'Añadir enlace',
    templates: { shiftHuddle: 'Reunión de turno', safetyAlert: 'Alerta de seguridad', policyUpdate: 'Cambio de normativa' },
    repeat: 'Repetir un comunicado anterior',
    publishLater: 'Publicar más tarde',
    publishAt: 'Publicar el',
    previewBack: 'Volver a editar',
  },
} as const satisfies Record<UiLocale, Record<string, string | Record<string, string>>>;

export type TemplateName = keyof (typeof COMPOSE_TEXT)['en']['templates'];

export interface DraftInput {
  title?: string;
  body?: string;
  /** datetime-local text; ticks "must acknowledge" first. */
  ackDue?: string;
  /** datetime-local text; ticks "publish later" first. */
  publishAt?: string;
}

/** The Briefings tab of a manager or HR: their briefings, the compose form, its preview and the reach view. */
export class ComposePage {
  readonly status: SyncStatus;
  private readonly text: (typeof COMPOSE_TEXT)[UiLocale];
  /** Taps a person would make for what this page model did (a field typed into counts one, for focusing it). */
  taps = 0;

  constructor(
    private readonly page: Page,
    locale: UiLocale = 'en',
  ) {
    this.status = new SyncStatus(page);
    this.text = COMPOSE_TEXT[locale];
  }

  private async tap(target: Locator): Promise<void> {
    await target.click();
    this.taps++;
  }

  private async type(field: Locator, text: string): Promise<void> {
    await field.fill(text);
    this.taps++;
  }

  async open(): Promise<void> {
    await this.tap(this.page.getByRole('navigation', { name: this.text.nav }).getByRole('button', { name: this.text.tab, exact: true }));
    await this.page.getByRole('button', { name: this.text.newBriefing }).waitFor();
  }

  async startNew(): Promise<void> {
    await this.tap(this.page.getByRole('button', { name: this.text.newBriefing }));
    await this.page.getByLabel(this.text.title, { exact: true }).waitFor();
  }

  async fill(draft: DraftInput): Promise<void> {
    if (draft.title !== undefined) await this.type(this.page.getByLabel(this.text.title, { exact: true }), draft.title);
    if (draft.body !== undefined) await this.type(this.body(), draft.body);
    if (draft.ackDue !== undefined) {
      await this.check(this.page.getByLabel(this.text.requiresAck));
      await this.type(this.page.getByLabel(this.text.ackDue), draft.ackDue);
    }
    if (draft.publishAt !== undefined) {
      await this.check(this.page.getByLabel(this.text.publishLater));
      await this.type(this.page.getByLabel(this.text.publishAt, { exact: true }), draft.publishAt);
    }
  }

  /** Opens the folded "Add Spanish version" (in Spanish: English) unless open, and types the version in the other language. */
  async addTranslation(title: string, body: string): Promise<void> {
    // An edit of a briefing with one says "Spanish version added" and opens unfolded.
    const fold = this.page.getByRole('button', { name: this.text.addTranslation }).or(this.page.getByRole('button', { name: this.text.translationAdded }));
    if ((await fold.getAttribute('aria-expanded')) !== 'true') await this.tap(fold);
    await this.type(this.page.getByLabel(this.text.translationTitle, { exact: true }), title);
    await this.type(this.page.getByLabel(this.text.translationBody, { exact: true }), body);
  }

  /** Ticks a box unless it is ticked already (a template may have). */
  private async check(box: Locator): Promise<void> {
    if (await box.isChecked()) return;
    await box.check();
    this.taps++;
  }

  body(): Locator {
    return this.page.getByLabel(this.text.body, { exact: true });
  }

  /** The body's text as it stands. */
  async bodyText(): Promise<string> {
    return this.body().inputValue();
  }

  async title(): Promise<string> {
    return this.page.getByLabel(this.text.title, { exact: true }).inputValue();
  }

  async startFromTemplate(name: TemplateName): Promise<void> {
    const label = this.text.templates[name];
    await this.tap(this.page.getByRole('button', { name: label, exact: true }));
  }

  /** Repeats one of this person's past briefings from the "repeat" list. */
  async repeat(title: string): Promise<void> {
    await this.page.getByLabel(this.text.repeat).selectOption({ label: title });
    // A native list on a phone: one tap to open it, one to pick.
    this.taps += 2;
  }

  /** Selects these words in the body (the first place they occur), as a long press would. */
  async selectInBody(words: string): Promise<void> {
    await this.body().evaluate((area, w) => {
      const el = area as HTMLTextAreaElement;
      const at = el.value.indexOf(w);
      if (at < 0) throw new Error(`"${w}" is not in the text`);
      el.focus();
      el.setSelectionRange(at, at + w.length);
    }, words);
    this.taps++;
  }

  /** Puts the caret at the end of the body, then types a new last line. */
  async appendLine(text: string): Promise<void> {
    await this.body().evaluate((area) => {
      const el = area as HTMLTextAreaElement;
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    });
    this.taps++;
    await this.page.keyboard.type(`\n${text}`);
  }

  /** Bold or List from the formatting toolbar. */
  async format(button: 'bold' | 'list'): Promise<void> {
    await this.tap(this.page.getByRole('toolbar', { name: this.text.formatting }).getByRole('button', { name: this.text[button] }));
  }

  /** Link from the toolbar, its address typed, then "Add link". */
  async link(url: string): Promise<void> {
    await this.tap(this.page.getByRole('toolbar', { name: this.text.formatting }).getByRole('button', { name: this.text.link }));
    await this.type(this.page.getByLabel(this.text.linkUrl), url);
    await this.tap(this.page.getByRole('button', { name: this.text.linkAdd }));
  }

  /** The one-line audience, e.g. "Downtown · everyone". */
  async audience(): Promise<string> {
    return (await this.audienceLine().innerText()).replace('▸', '').trim();
  }

  /** Ticks "must acknowledge" or "publish later" (unless ticked) and taps a one-tap time by its label, e.g. "Tonight". */
  async pickTime(field: 'due' | 'publish', label: string): Promise<void> {
    await this.check(this.page.getByLabel(field === 'due' ? this.text.requiresAck : this.text.publishLater));
    const chip = this.page.getByTestId(`${field}-choices`).getByRole('button').filter({ hasText: label });
    await this.tap(chip);
  }

  /** The one-tap times offered, label and time as shown, e.g. "Tonight 9:00 PM". */
  async timeChoices(field: 'due' | 'publish'): Promise<string[]> {
    return (await this.page.getByTestId(`${field}-choices`).getByRole('button').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
  }

  /** The chosen time in words ("Due today at 1:30 PM"), '' when none. */
  async timeWords(field: 'due' | 'publish'): Promise<string> {
    const words = this.page.getByTestId(`${field}-words`);
    return (await words.count()) === 0 ? '' : (await words.innerText()).trim();
  }

  /** The date-time field's own value (datetime-local text). */
  async timeValue(field: 'due' | 'publish'): Promise<string> {
    return this.page.getByLabel(field === 'due' ? this.text.ackDue : this.text.publishAt, { exact: field === 'publish' }).inputValue();
  }

  /** The folded priority and shift line, e.g. "Important · no shift". */
  async details(): Promise<string> {
    return (await this.page.locator('button[aria-controls="compose-details"]').innerText()).replace('▸', '').trim();
  }

  private audienceLine(): Locator {
    return this.page.locator('button[aria-controls="compose-audience-choices"]');
  }

  /** Opens the audience line to its choices (stores, departments, roles). */
  async openAudience(): Promise<void> {
    if ((await this.audienceLine().getAttribute('aria-expanded')) === 'true') return;
    await this.tap(this.audienceLine());
    await this.page.getByRole('group', { name: this.text.stores }).waitFor();
  }

  /** Whether the Preview and Send bar is inside the viewport and clear of the tab bar (the thumb reaches it without scrolling). */
  async barInView(): Promise<boolean> {
    return this.page.locator('.compose-bar').evaluate((bar) => {
      const box = bar.getBoundingClientRect();
      const tabbar = document.querySelector('nav.tabbar');
      const tabTop = tabbar && getComputedStyle(tabbar).display !== 'none' ? tabbar.getBoundingClientRect().top : window.innerHeight;
      return box.height > 0 && box.top >= 0 && box.bottom <= tabTop + 0.5;
    });
  }

  /** The names of the stores the form offers (the audience opened to show them). */
  async storeOptions(): Promise<string[]> {
    await this.openAudience();
    const group = this.page.getByRole('group', { name: this.text.stores });
    return (await group.locator('label.choice__option').allInnerTexts()).map((s) => s.trim());
  }

  /** The labels of one audience group's choices ("Roles", "Departments"), the audience opened to show them. */
  async groupOptions(legend: string): Promise<string[]> {
    await this.openAudience();
    return (await this.page.getByRole('group', { name: legend }).locator('label.choice__option').allInnerTexts()).map((s) => s.trim());
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
    await this.tap(this.page.locator('.compose-bar').getByRole('button', { name: this.text.preview, exact: true }));
    await this.page.getByRole('heading', { level: 2, name: this.text.preview }).waitFor();
  }

  async cancel(): Promise<void> {
    await this.tap(this.page.getByRole('button', { name: this.text.cancel }));
    await this.page.getByRole('button', { name: this.text.newBriefing }).waitFor();
  }

  /** Sends from the bar (on the form or the preview: a new briefing or a new version) and waits for the list. */
  async send(): Promise<void> {
    await this.tap(this.page.getByRole('button', { name: this.text.send }).or(this.page.getByRole('button', { name: this.text.sendEdit })));
    await this.page.getByRole('button', { name: this.text.newBriefing }).waitFor();
  }

  /** Taps Send on a draft the form refuses, and answers the problems it then shows by its fields. */
  async sendRefused(): Promise<string[]> {
    await this.tap(this.page.locator('.compose-bar').getByRole('button', { name: this.text.send }));
    await this.page.locator('.compose-form [role="alert"]').waitFor();
    return (await this.page.locator('.compose-form .field-error').allInnerTexts()).map((s) => s.trim());
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
    await this.tap(this.card(title).getByRole('button', { name: this.text.edit }));
    await this.page.getByLabel(this.text.title, { exact: true }).waitFor();
  }

  /** Retract, confirm, and wait until the card has left the list. */
  async retract(title: string): Promise<void> {
    const card = this.card(title);
    await this.tap(card.getByRole('button', { name: this.text.retract, exact: true }));
    await this.tap(card.getByRole('button', { name: this.text.confirmRetract }));
    await card.waitFor({ state: 'detached' });
  }

  /** Opens who has read it; the figures need the network, so this waits only for the view. */
  async openReach(title: string): Promise<void> {
    await this.tap(this.card(title).getByRole('button', { name: this.text.reach }));
    await this.page.getByTestId('ack-status').waitFor();
  }

  async refreshReach(): Promise<void> {
    await this.tap(this.page.getByTestId('ack-status').getByRole('button', { name: this.text.refresh }));
  }

  /** What the reach view says about the connection, or "" when it says nothing. */
  async reachNotice(): Promise<string> {
    const notice = this.page.getByTestId('ack-status').getByRole('status');
    return (await notice.count()) === 0 ? '' : (await notice.innerText()).trim();
  }

  async closeReach(): Promise<void> {
    await this.tap(this.page.getByRole('button', { name: this.text.back }));
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

  /** What the phone shows right now (not the whole page: the bar's place on screen is the point), into SCREENSHOT_DIR. */
  async screen(name: string): Promise<void> {
    const dir = process.env.SCREENSHOT_DIR;
    if (!dir) return;
    await mkdir(dir, { recursive: true });
    await this.page.screenshot({ path: join(dir, `${name}.png`) });
  }

  /** The whole page, into SCREENSHOT_DIR when it is set, for a person to look at. */
  async snapshot(name: string): Promise<void> {
    const dir = process.env.SCREENSHOT_DIR;
    if (!dir) return;
    await mkdir(dir, { recursive: true });
    await this.page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }
}
