import type { Locator, Page } from 'playwright-core';
import { SyncStatus } from './sync-status';
import { tabBadge } from './tab-badge';

/** The words this page model looks for; literal, so a changed label fails a test instead of following along. */
export const VOICE_TEXT = {
  nav: 'Main',
  tab: 'Voice',
  views: 'Voice sections',
  give: 'Give feedback',
  mine: 'My feedback',
  board: 'You said, we did',
  inbox: 'Inbox',
  results: 'Pulse results',
  pulses: 'Pulses',
  body: 'Your message',
  anonymous: 'Send anonymously',
  send: 'Send feedback',
  another: 'Write another',
  sendAnswer: 'Send answer',
  reply: 'Reply',
  replyLabel: 'Your reply',
  publicReply: 'Public: also shown on the store’s board, without who wrote the feedback',
  markAnswered: 'Mark as answered',
  sendReply: 'Send reply',
  close: 'Close',
  filter: 'Show',
  seeResults: 'See results',
  newPulse: 'New pulse',
  question: 'Question',
  createPulse: 'Create pulse',
  kinds: { suggestion: 'Suggestion', question: 'Question', concern: 'Concern', praise: 'Praise' },
  recipients: { store: 'My store’s manager', head_office: 'Head office' },
  statuses: { open: 'Open', answered: 'Answered', closed: 'Closed', all: 'All' },
} as const;

export type FeedbackKind = keyof typeof VOICE_TEXT.kinds;

export interface FeedbackInput {
  text: string;
  anonymous: boolean;
  kind?: FeedbackKind;
  recipient?: keyof typeof VOICE_TEXT.recipients;
}

export interface InboxEntry {
  who: string;
  text: string;
}

/** The Voice tab (English): feedback, my feedback, the board and pulses for everyone; inbox and results for managers and HR. */
export class VoicePage {
  readonly status: SyncStatus;

  constructor(private readonly page: Page) {
    this.status = new SyncStatus(page);
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: VOICE_TEXT.nav }).getByRole('button', { name: VOICE_TEXT.tab, exact: true }).click();
    await this.page.getByRole('navigation', { name: VOICE_TEXT.views }).waitFor();
  }

  /** The badge on the bar's Voice tab (0 when there is none), checked against what the tab says to a screen reader. */
  tabCount(): Promise<number> {
    return tabBadge(this.page, VOICE_TEXT.nav, VOICE_TEXT.tab, ['feedback item']);
  }

  /** Opens one of the tab's sections by its button, e.g. 'My feedback'. */
  async show(view: 'give' | 'mine' | 'board' | 'inbox' | 'results' | 'pulses'): Promise<void> {
    await this.page.getByRole('navigation', { name: VOICE_TEXT.views }).getByRole('button', { name: VOICE_TEXT[view], exact: true }).click();
  }

  /** Fills the feedback form without sending it. */
  async fillFeedback({ text, anonymous, kind = 'suggestion', recipient = 'store' }: FeedbackInput): Promise<void> {
    await this.show('give');
    await this.page.getByRole('radio', { name: VOICE_TEXT.kinds[kind], exact: true }).check();
    await this.page.getByRole('radio', { name: VOICE_TEXT.recipients[recipient], exact: true }).check();
    await this.page.getByLabel(VOICE_TEXT.body, { exact: true }).fill(text);
    await this.page.getByRole('switch', { name: VOICE_TEXT.anonymous }).setChecked(anonymous);
  }

  /** Sends feedback (offline too) and returns the confirmation's text. */
  async sendFeedback(input: FeedbackInput): Promise<string> {
    await this.fillFeedback(input);
    await this.page.getByRole('button', { name: VOICE_TEXT.send }).click();
    const confirmation = this.page.getByTestId('feedback-sent');
    // The confirmation says where the item is once the phone has looked at its outbox.
    await confirmation.locator('[data-delivery]').waitFor();
    const text = (await confirmation.innerText()).trim();
    await confirmation.getByRole('button', { name: VOICE_TEXT.another }).click();
    return text;
  }

  /** What the anonymous switch says is kept and what is not. */
  async anonymousExplanation(): Promise<string> {
    return (await this.page.getByTestId('anonymous-explanation').innerText()).trim();
  }

  /** The pulse questions offered to answer now. */
  async openPulses(): Promise<string[]> {
    return (await this.page.getByTestId('pulse').locator('.voice-pulse__question').allInnerTexts()).map((s) => s.trim());
  }

  /** Answers the first offered pulse and returns the thank-you text. */
  /** The thank-you of the pulse answered last, once it says whether the answer has left the phone. */
  async pulseThanks(): Promise<string> {
    const thanks = this.page.getByTestId('pulse-thanks').first();
    await thanks.locator('[data-delivery]').waitFor();
    return (await thanks.innerText()).trim();
  }

  async answerPulse(score: number, comment?: string): Promise<string> {
    const pulse = this.page.getByTestId('pulse').first();
    await pulse
      .getByRole('radiogroup')
      .getByRole('radio', { name: String(score), exact: true })
      .check();
    if (comment !== undefined) await pulse.getByRole('textbox').fill(comment);
    await pulse.getByRole('button', { name: VOICE_TEXT.sendAnswer }).click();
    return this.pulseThanks();
  }

  /** Answers the offered pulse with this question; returns the thank-you text. */
  async answerPulseTo(question: string, score: number): Promise<string> {
    const pulse = this.page.getByTestId('pulse').filter({ hasText: question });
    await pulse
      .getByRole('radiogroup')
      .getByRole('radio', { name: String(score), exact: true })
      .check();
    await pulse.getByRole('button', { name: VOICE_TEXT.sendAnswer }).click();
    return this.pulseThanks();
  }

  /** The board's items as shown: each item's whole text (feedback, day and public replies). */
  async boardItems(): Promise<string[]> {
    await this.show('board');
    return (await this.page.getByTestId('board-item').allInnerTexts()).map((s) => s.trim());
  }

  myFeedbackItem(text: string): Locator {
    return this.page.getByTestId('my-feedback').filter({ hasText: text });
  }

  /** Status ("Open", "Answered", "Saved on this phone, will send"…) and replies of one of my named items, as shown. */
  async myFeedback(text: string): Promise<{ status: string; replies: string[] }> {
    await this.show('mine');
    const item = this.myFeedbackItem(text);
    return {
      status: (await item.getByTestId('feedback-status').innerText()).trim(),
      replies: (await item.getByTestId('reply').allInnerTexts()).map((s) => s.trim()),
    };
  }

  /** Managers and HR: the inbox filtered by status; waits until it has loaded. */
  async showInbox(status: keyof typeof VOICE_TEXT.statuses = 'open'): Promise<void> {
    await this.show('inbox');
    await this.page.getByRole('group', { name: VOICE_TEXT.filter }).getByRole('radio', { name: VOICE_TEXT.statuses[status], exact: true }).check();
    await this.page.locator('.voice-inbox .voice-list[aria-busy="false"]').waitFor({ state: 'attached' });
  }

  inboxItem(text: string): Locator {
    return this.page.getByTestId('inbox-item').filter({ hasText: text });
  }

  /** The inbox as shown: who (a name, or "Anonymous · day") and the whole text of each item. */
  async inboxItems(): Promise<InboxEntry[]> {
    const items = this.page.getByTestId('inbox-item');
    const entries: InboxEntry[] = [];
    for (let i = 0; i < (await items.count()); i += 1) {
      const item = items.nth(i);
      entries.push({ who: (await item.getByTestId('inbox-who').innerText()).trim(), text: (await item.innerText()).trim() });
    }
    return entries;
  }

  /** Opens the reply form of the item containing `itemText`, without sending. */
  async startReply(itemText: string, text: string, options: { public?: boolean; markAnswered?: boolean } = {}): Promise<void> {
    const item = this.inboxItem(itemText);
    await item.getByRole('button', { name: VOICE_TEXT.reply, exact: true }).click();
    await item.getByLabel(VOICE_TEXT.replyLabel).fill(text);
    await item.getByRole('checkbox', { name: VOICE_TEXT.publicReply }).setChecked(options.public ?? true);
    await item.getByRole('checkbox', { name: VOICE_TEXT.markAnswered }).setChecked(options.markAnswered ?? true);
  }

  /** Replies to the item containing `itemText` (public and marked answered unless told otherwise); waits until the reply shows under it. */
  async reply(itemText: string, text: string, options: { public?: boolean; markAnswered?: boolean } = {}): Promise<void> {
    await this.startReply(itemText, text, options);
    const item = this.inboxItem(itemText);
    await item.getByRole('button', { name: VOICE_TEXT.sendReply }).click();
    await item.getByLabel(VOICE_TEXT.replyLabel).waitFor({ state: 'detached' });
    await item.getByTestId('reply').filter({ hasText: text }).waitFor();
  }

  /** HR: creates a 0-10 pulse for everyone, closing in a week (the form's defaults); returns what the screen says. */
  async createPulse(question: string): Promise<string> {
    await this.show('pulses');
    await this.page.getByRole('button', { name: VOICE_TEXT.newPulse, exact: true }).click();
    await this.page.getByLabel(VOICE_TEXT.question, { exact: true }).fill(question);
    await this.page.getByRole('button', { name: VOICE_TEXT.createPulse }).click();
    return (await this.page.getByTestId('pulse-saved').innerText()).trim();
  }

  /** HR: opens the results of the pulse with this question from the trend. */
  async showPulseResults(question: string): Promise<void> {
    await this.show('pulses');
    await this.page.getByTestId('trend-item').filter({ hasText: question }).getByRole('button', { name: VOICE_TEXT.seeResults }).click();
    await this.page.getByTestId('pulse-report').filter({ hasText: question }).waitFor();
  }

  /** The answer count line of the pulse report on screen, e.g. "7 answers". */
  async reportAnswers(): Promise<string> {
    return (await this.page.getByTestId('pulse-responses').innerText()).trim();
  }
}
