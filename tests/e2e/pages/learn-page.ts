import type { Locator, Page } from 'playwright-core';
import { SyncStatus } from './sync-status';
import { UI_TEXT, type UiLocale } from './ui-text';

/** The words the Learn screens show; literal, so a changed label fails a test instead of following along. */
const LEARN_TEXT = {
  en: {
    learn: 'Learn',
    next: 'Next',
    toQuiz: 'Start the quiz',
    check: 'Check answer',
    nextQuestion: 'Next question',
    finish: 'See my score',
    back: '← Back to lessons',
    report: 'Training report',
    newLesson: 'New lesson',
    save: 'Save lesson',
    reviewNow: 'Review now',
    reviewNext: 'Next',
    reviewFinish: 'Finish review',
    retry: 'Try again',
    retakeQuiz: 'Retake the quiz',
    requireOpen: 'Make it required',
    requireDate: 'Required by',
    requireSave: 'Make required',
    requirementChange: 'Change date',
    requirementRemove: 'Remove',
    requirementNewDate: 'New date',
    requirementSaveDate: 'Save date',
    requirementConfirm: 'Remove requirement',
  },
  es: {
    learn: 'Aprender',
    next: 'Siguiente',
    toQuiz: 'Empezar el test',
    check: 'Comprobar respuesta',
    nextQuestion: 'Siguiente pregunta',
    finish: 'Ver mi nota',
    back: '← Volver a las lecciones',
    report: 'Informe de formación',
    newLesson: 'Nueva lección',
    save: 'Guardar la lección',
    reviewNow: 'Repasar ahora',
    reviewNext: 'Siguiente',
    reviewFinish: 'Terminar el repaso',
    retry: 'Reintentar',
    retakeQuiz: 'Repetir el test',
    requireOpen: 'Hacerla obligatoria',
    requireDate: 'Obligatoria antes del',
    requireSave: 'Hacerla obligatoria',
    requirementChange: 'Cambiar fecha',
    requirementRemove: 'Quitar',
    requirementNewDate: 'Nueva fecha',
    requirementSaveDate: 'Guardar fecha',
    requirementConfirm: 'Quitar obligación',
  },
} as const satisfies Record<UiLocale, Record<string, string>>;

export interface LessonScore {
  percent: number;
  passed: boolean;
}

export interface ReportRow {
  store: string;
  completed: number;
  audience: number;
  passed: number;
  /** The average as shown ("66.7%"), or the "none yet" text. */
  average: string;
}

export interface NewLessonSpec {
  title: string;
  summary?: string;
  minutes?: number;
  passMark?: number;
  card: { title: string; body: string };
  question: { prompt: string; options: [string, string, ...string[]]; correct: number; explanation: string };
  stores?: string[];
}

/** The Learn tab: lessons (cards, then a quiz), spaced review, the training report and HR's lesson editor. */
export class LearnPage {
  readonly status: SyncStatus;
  private readonly text: (typeof LEARN_TEXT)[UiLocale];
  private readonly shell: (typeof UI_TEXT)[UiLocale];

  constructor(
    private readonly page: Page,
    locale: UiLocale = 'en',
  ) {
    this.status = new SyncStatus(page);
    this.text = LEARN_TEXT[locale];
    this.shell = UI_TEXT[locale];
  }

  /**
   * Opens Learn from the tab bar (staff: 'tab') or through More (managers and HR: 'more'). Said by the
   * caller because the bar shows staff tabs until the first sync brings the person's role.
   */
  async open(place: 'tab' | 'more' = 'tab'): Promise<void> {
    const nav = this.page.getByRole('navigation', { name: this.shell.nav });
    if (place === 'more') {
      await nav.getByRole('button', { name: this.shell.more, exact: true }).click();
      await this.page.locator('.more-list').getByRole('button', { name: this.text.learn, exact: true }).click();
    } else {
      await nav.getByRole('button', { name: this.text.learn, exact: true }).click();
    }
    await this.page.getByRole('heading', { level: 1, name: this.text.learn, exact: true }).waitFor();
  }

  row(title: string): Locator {
    return this.page.getByTestId('lesson-row').filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  async waitForLesson(title: string, timeout = 15_000): Promise<void> {
    await this.row(title).waitFor({ timeout });
  }

  /** "Not started", "In progress", "Passed · best score 67%"… */
  async standing(title: string): Promise<string> {
    return (await this.row(title).getByTestId('lesson-standing').innerText()).trim();
  }

  /** The row's main button as labelled: Start, Continue, Retake the quiz, Take it again. */
  async action(title: string): Promise<string> {
    return (await this.row(title).getByTestId('lesson-open').innerText()).trim();
  }

  /** "Required by 13 Dec 2026", "Overdue: was required by …", or null when the lesson is not required (or passed). */
  async required(title: string): Promise<{ kind: string; text: string } | null> {
    const line = this.row(title).getByTestId('lesson-required');
    if ((await line.count()) === 0) return null;
    return { kind: (await line.getAttribute('data-kind')) ?? '', text: (await line.getByTestId('lesson-required-text').innerText()).trim() };
  }

  /** The lessons' titles in list order. */
  async titles(): Promise<string[]> {
    return this.page.getByTestId('lesson-row').locator('h3').allInnerTexts();
  }

  /** Taps a failed lesson's "Retake the quiz". */
  async retakeQuiz(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: this.text.retakeQuiz, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  }

  /** How far the result's score heading sits below the sticky sync bar's bottom edge (negative: hidden under it). */
  async resultHeadingClearance(): Promise<number> {
    const heading = await this.page.getByTestId('lesson-result-heading').boundingBox();
    const bar = await this.page.locator('.sync-bar').boundingBox();
    if (!heading) return Number.NaN;
    return heading.y - (bar ? bar.y + bar.height : 0);
  }

  /** Report: opens a lesson's "Make it required" form and sets the date (YYYY-MM-DD). */
  async fillRequirement(lessonTitle: string, dueOn: string): Promise<void> {
    const lesson = this.page.getByTestId('report-lesson').filter({ has: this.page.getByRole('heading', { level: 2, name: lessonTitle, exact: true }) });
    await lesson.getByRole('button', { name: this.text.requireOpen, exact: true }).click();
    await this.page.getByTestId('require-form').getByLabel(this.text.requireDate, { exact: true }).fill(dueOn);
  }

  /** Report: saves the open requirement form; answers the notice. */
  async saveRequirement(): Promise<string> {
    const form = this.page.getByTestId('require-form');
    await form.getByRole('button', { name: this.text.requireSave, exact: true }).click();
    const notice = this.page.locator('.training-report .learn-notice');
    await notice.waitFor();
    return (await notice.innerText()).trim();
  }

  /** Report: a lesson's requirements as shown (id, text, whether Change date and Remove are offered and enabled). */
  async requirements(lessonTitle: string): Promise<Array<{ id: string; text: string; buttons: 'none' | 'enabled' | 'disabled' }>> {
    const items = this.reportLesson(lessonTitle).getByTestId('requirement');
    return Promise.all(
      (await items.all()).map(async (item) => {
        const change = item.getByRole('button', { name: this.text.requirementChange, exact: true });
        const buttons = (await change.count()) === 0 ? 'none' : (await change.isEnabled()) ? 'enabled' : 'disabled';
        return { id: (await item.getAttribute('data-requirement-id')) ?? '', text: (await item.innerText()).trim(), buttons };
      }),
    );
  }

  /** Report: moves a requirement to a new date (YYYY-MM-DD). */
  async changeRequirementDate(requirementId: string, dueOn: string): Promise<void> {
    const item = this.page.locator(`[data-testid="requirement"][data-requirement-id="${requirementId}"]`);
    await item.getByRole('button', { name: this.text.requirementChange, exact: true }).click();
    await item.getByLabel(this.text.requirementNewDate, { exact: true }).fill(dueOn);
    await item.getByRole('button', { name: this.text.requirementSaveDate, exact: true }).click();
  }

  /** Report: Remove, then the confirm's own button. */
  async removeRequirement(requirementId: string): Promise<void> {
    const item = this.page.locator(`[data-testid="requirement"][data-requirement-id="${requirementId}"]`);
    await item.getByRole('button', { name: this.text.requirementRemove, exact: true }).click();
    await item.getByTestId('requirement-remove-confirm').waitFor();
    await item.getByRole('button', { name: this.text.requirementConfirm, exact: true }).click();
  }

  private reportLesson(lessonTitle: string): Locator {
    return this.page.getByTestId('report-lesson').filter({ has: this.page.getByRole('heading', { level: 2, name: lessonTitle, exact: true }) });
  }

  /** Report: the notice after a change, '' when none shows. */
  async reportNotice(): Promise<string> {
    const notice = this.page.locator('.training-report .learn-notice');
    return (await notice.count()) === 0 ? '' : (await notice.innerText()).trim();
  }

  /** Report: who is overdue, as shown (name, lesson). */
  async overdueRows(): Promise<Array<{ memberId: string; lessonId: string; text: string }>> {
    await this.page.getByTestId('report-overdue').waitFor();
    return this.page.getByTestId('overdue-row').evaluateAll((rows) =>
      rows.map((r) => ({
        memberId: r.getAttribute('data-member-id') ?? '',
        lessonId: r.getAttribute('data-lesson-id') ?? '',
        text: (r as HTMLElement).innerText,
      })),
    );
  }

  /** Taps the row's Start / Continue / Take it again. */
  async openLesson(title: string): Promise<void> {
    await this.row(title).getByRole('button').last().click();
    await this.page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  }

  /** "Card 1 of 2", "Question 2 of 3". */
  async step(): Promise<string> {
    return (await this.page.getByTestId('lesson-step').innerText()).trim();
  }

  /** The card on screen: its heading. */
  async cardTitle(): Promise<string> {
    return (await this.page.getByTestId('lesson-card').getByRole('heading', { level: 2 }).innerText()).trim();
  }

  /** Taps Next through every card up to the first question. */
  async readCards(): Promise<void> {
    for (;;) {
      const card = this.page.getByTestId('lesson-card');
      if ((await card.count()) === 0) return;
      const toQuiz = card.getByRole('button', { name: this.text.toQuiz });
      const last = (await toQuiz.count()) > 0;
      const before = await this.step();
      await (last ? toQuiz : card.getByRole('button', { name: this.text.next, exact: true })).click();
      await this.page.waitForFunction((text) => document.querySelector('[data-testid=lesson-step]')?.textContent?.trim() !== text, before);
    }
  }

  /** The question on screen (its legend). */
  async prompt(): Promise<string> {
    return (await this.page.locator('.quiz__prompt').innerText()).trim();
  }

  /** The options ticked on the question on screen, by their text. */
  async chosen(): Promise<string[]> {
    const labels = this.page.locator('.quiz__option').filter({ has: this.page.locator('input:checked') });
    return (await labels.locator('.quiz__option-text').evaluateAll((nodes) => nodes.map((n) => n.firstChild?.textContent?.trim() ?? ''))).sort();
  }

  feedback(): Locator {
    return this.page.getByTestId('quiz-feedback');
  }

  /** Ticks these options (by their exact text), checks the answer and returns whether it was right. */
  async answer(options: readonly string[]): Promise<boolean> {
    for (const option of options) await this.page.locator('form.quiz').getByLabel(option, { exact: true }).check();
    await this.page.getByRole('button', { name: this.text.check }).click();
    await this.feedback().waitFor();
    return (await this.feedback().getAttribute('data-correct')) === 'true';
  }

  async nextQuestion(): Promise<void> {
    const before = await this.step();
    await this.page.getByRole('button', { name: this.text.nextQuestion }).click();
    await this.page.waitForFunction((text) => document.querySelector('[data-testid=lesson-step]')?.textContent?.trim() !== text, before);
  }

  /** Taps "See my score" and reads the result. */
  async finish(): Promise<LessonScore> {
    await this.page.getByRole('button', { name: this.text.finish }).click();
    return this.result();
  }

  async result(): Promise<LessonScore> {
    const result = this.page.getByTestId('lesson-result');
    await result.waitFor();
    return { percent: Number(await result.getAttribute('data-percent')), passed: (await result.getAttribute('data-passed')) === 'true' };
  }

  resultPanel(): Locator {
    return this.page.getByTestId('lesson-result');
  }

  async backToLessons(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.back }).first().click();
    await this.page.getByRole('heading', { level: 1, name: this.text.learn, exact: true }).waitFor();
  }

  /** Opens a lesson and takes it all: the cards, then each question with these answers (option texts), then the score. */
  async completeLesson(title: string, answers: ReadonlyArray<readonly string[]>): Promise<LessonScore> {
    await this.openLesson(title);
    await this.readCards();
    for (const [i, options] of answers.entries()) {
      await this.answer(options);
      if (i < answers.length - 1) await this.nextQuestion();
    }
    return this.finish();
  }

  /** From Today: the review card's number of due questions, or 0 when there is no card. */
  async dueOnToday(): Promise<number> {
    const card = this.page.getByTestId('review-due');
    if ((await card.count()) === 0) return 0;
    return Number((await card.locator('p').innerText()).match(/\d+/)?.[0] ?? 0);
  }

  /** Taps Today's "Review now" and waits for the session. */
  async startReviewFromToday(): Promise<void> {
    await this.page.getByTestId('review-due').getByRole('button', { name: this.text.reviewNow }).click();
    await this.page.getByTestId('review-session').waitFor();
  }

  /** Answers the review question on screen and goes on (or finishes); returns whether it was right. */
  async answerReview(options: readonly string[]): Promise<boolean> {
    const right = await this.answer(options);
    const finish = this.page.getByRole('button', { name: this.text.reviewFinish });
    await ((await finish.count()) > 0 ? finish : this.page.getByRole('button', { name: this.text.reviewNext, exact: true })).click();
    return right;
  }

  async openReport(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.report }).click();
    await this.page.getByRole('heading', { level: 1, name: this.text.report }).waitFor();
  }

  reportFailure(): Locator {
    return this.page.locator('.training-report').getByTestId('online-problem');
  }

  async retryReport(): Promise<void> {
    await this.reportFailure().getByRole('button', { name: this.text.retry }).click();
  }

  /** Every store named anywhere in the report. */
  async reportStores(): Promise<string[]> {
    await this.page.getByTestId('report-lesson').first().waitFor();
    return [...new Set(await this.page.getByTestId('report-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-store') ?? '')))].sort();
  }

  /** One lesson's table, as shown. */
  async reportRows(lessonTitle: string): Promise<ReportRow[]> {
    const lesson = this.page.getByTestId('report-lesson').filter({ has: this.page.getByRole('heading', { level: 2, name: lessonTitle, exact: true }) });
    await lesson.waitFor();
    const rows = await lesson.getByTestId('report-row').all();
    return Promise.all(
      rows.map(async (row) => {
        const [completed, audience] = ((await row.getByTestId('report-completed').innerText()).match(/\d+/g) ?? []).map(Number);
        return {
          store: (await row.getAttribute('data-store')) ?? '',
          completed: completed ?? -1,
          audience: audience ?? -1,
          passed: Number(await row.getByTestId('report-passed').innerText()),
          average: (await row.getByTestId('report-average').innerText()).trim(),
        };
      }),
    );
  }

  /** HR: taps a lesson's Edit. */
  async editLesson(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: 'Edit', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Edit lesson' }).waitFor();
  }

  /** HR: opens a lesson from "All lessons in the organisation" (lessons HR's own phone may not hold). */
  async editOrganisationLesson(title: string): Promise<void> {
    const list = this.page.getByRole('region', { name: 'All lessons in the organisation' });
    await list.getByRole('listitem').filter({ hasText: title }).getByRole('button', { name: 'Edit', exact: true }).click({ timeout: 15_000 });
    await this.page.getByRole('heading', { level: 1, name: 'Edit lesson' }).waitFor();
  }

  /** HR, in the editor: Archive, then confirms; returns the notice on the list. */
  async archiveLesson(): Promise<string> {
    await this.page.getByRole('button', { name: 'Archive lesson' }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Yes, archive' }).click();
    const notice = this.page.locator('.learn-notice');
    await notice.waitFor({ timeout: 15_000 });
    return (await notice.innerText()).trim();
  }

  async openNewLesson(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.newLesson }).click();
    await this.page.getByRole('heading', { level: 1, name: this.text.newLesson }).waitFor();
  }

  /** Fills the new-lesson form (one card, one question) as HR would; English labels. */
  async fillLesson(spec: NewLessonSpec): Promise<void> {
    const page = this.page;
    await page.getByLabel('Title', { exact: true }).fill(spec.title);
    if (spec.summary) await page.getByLabel('Summary (optional)', { exact: true }).fill(spec.summary);
    if (spec.minutes) await page.getByLabel('Minutes to take it').fill(String(spec.minutes));
    if (spec.passMark !== undefined) await page.getByLabel('Pass mark (%)').fill(String(spec.passMark));
    await page.getByLabel('Card 1 title', { exact: true }).fill(spec.card.title);
    await page.getByLabel('Card 1 text', { exact: true }).fill(spec.card.body);
    await page.getByLabel('Question 1: what to ask', { exact: true }).fill(spec.question.prompt);
    for (const [i, text] of spec.question.options.entries()) {
      const letter = String.fromCharCode(65 + i);
      if (i >= 2) await page.getByRole('button', { name: 'Add an option' }).first().click();
      await page.getByLabel(`Option ${letter}`, { exact: true }).fill(text);
    }
    await page.getByLabel(`Option ${String.fromCharCode(65 + spec.question.correct)} is right`).check();
    await page.getByLabel('Question 1: explanation shown after answering', { exact: true }).fill(spec.question.explanation);
    for (const store of spec.stores ?? []) await page.getByRole('group', { name: 'Stores' }).getByLabel(store, { exact: true }).check();
  }

  /** Opens the editor's "Add Spanish version" and types the lesson of `fillLesson` in Spanish; English labels. */
  async addSpanishVersion(
    spec: Omit<NewLessonSpec, 'minutes' | 'passMark' | 'stores' | 'question'> & { question: Omit<NewLessonSpec['question'], 'correct'> },
  ): Promise<void> {
    const page = this.page;
    const inSpanish = (label: string) => page.getByLabel(`${label} in Spanish`, { exact: true });
    await page.getByRole('button', { name: 'Add Spanish version' }).click();
    await inSpanish('Title').fill(spec.title);
    if (spec.summary) await inSpanish('Summary (optional)').fill(spec.summary);
    await inSpanish('Card 1 title').fill(spec.card.title);
    await inSpanish('Card 1 text').fill(spec.card.body);
    await inSpanish('Question 1: what to ask').fill(spec.question.prompt);
    for (const [i, text] of spec.question.options.entries()) await inSpanish(`Option ${String.fromCharCode(65 + i)}`).fill(text);
    await inSpanish('Question 1: explanation shown after answering').fill(spec.question.explanation);
  }

  /** The lesson's one-tap language switch: what it offers, or null when the lesson has one language. */
  async languageOffer(): Promise<string | null> {
    const button = this.page.locator('.lesson .language-switch');
    return (await button.count()) ? (await button.innerText()).trim() : null;
  }

  /** Taps the lesson's language switch and waits for its title to change language. */
  async switchLanguage(): Promise<void> {
    const title = this.page.getByRole('heading', { level: 1 });
    const before = (await title.innerText()).trim();
    await this.page.locator('.lesson .language-switch').click();
    await title.filter({ hasNotText: before }).waitFor();
  }

  /** Taps Save; returns the notice on the list, or the error the editor shows. */
  async saveLesson(): Promise<{ ok: true; notice: string } | { ok: false; error: string }> {
    await this.page.getByRole('button', { name: this.text.save }).click();
    const notice = this.page.locator('.learn-notice');
    const error = this.page.locator('.lesson-editor [role=alert]');
    await notice.or(error).first().waitFor({ timeout: 15_000 });
    if ((await notice.count()) > 0) return { ok: true, notice: (await notice.innerText()).trim() };
    return { ok: false, error: (await error.first().innerText()).trim() };
  }
}
