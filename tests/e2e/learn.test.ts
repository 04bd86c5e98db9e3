/**
 * Learn in Chromium at 390x844: alex takes a lesson offline, reloads half-way
 * and resumes at the same question with the same answers, finishes with one
 * wrong, and once back online Postgres holds exactly one attempt with the
 * version and the score the phone showed; the wrong question comes back on
 * Today when due (its due date moved into the past in IndexedDB, the phone's
 * own store, rather than moving the browser's clock) and the review records
 * the answer. HR writes a lesson for
 * Downtown that reaches alex at his next sync; Downtown's manager sees
 * Downtown's numbers only, as computed here from the tables. axe finds nothing
 * serious on any of these screens; screenshots go to SCREENSHOT_DIR when set.
 */

import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LearnPage } from './pages/learn-page';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone } from './support/browser';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { findOverflow, pseudoLocalize } from './support/layout';
import { phonePerTest } from './support/phone-per-test';
import { makeReviewDue, reviewItem } from './support/review-store';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl, databaseUrl } = inject('e2e');
const demo = new DemoDb();
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const phone = phonePerTest();
const MANAGER_DOWNTOWN = 'manager.downtown@demo.test';
const HR = 'hr@demo.test';

/** A lesson for everyone (HR's phone only holds lessons whose audience includes HR), for editing. */
const EDITABLE = { id: randomUUID(), title: uniqueTitle('E2E lesson Editable') };

const LESSON = {
  id: randomUUID(),
  title: uniqueTitle('Fitting room checks'),
  cards: [
    { title: 'Count in, count out', body: 'Give each guest a **tag** with the number of items they take in.' },
    { title: 'Clear as you go', body: '- Return items to the floor\n- Keep the rail tidy' },
  ],
  quiz: [
    {
      id: 'q1',
      prompt: 'What does the fitting room tag show?',
      kind: 'single',
      options: [
        { id: 'a', text: 'The number of items' },
        { id: 'b', text: 'The guest’s name' },
      ],
      correct: ['a'],
      explanation: 'The tag counts items in, so you can count them out.',
    },
    {
      id: 'q2',
      prompt: 'Which keep the fitting rooms ready?',
      kind: 'multiple',
      options: [
        { id: 'a', text: 'Return items to the floor' },
        { id: 'b', text: 'Leave hangers in the booth' },
        { id: 'c', text: 'Keep the rail tidy' },
      ],
      correct: ['a', 'c'],
      explanation: 'Clear booths and a tidy rail keep the queue moving.',
    },
    {
      id: 'q3',
      prompt: 'A guest comes out with fewer items than the tag says. What do you do?',
      kind: 'single',
      options: [
        { id: 'a', text: 'Check the booth politely' },
        { id: 'b', text: 'Ignore it' },
      ],
      correct: ['a'],
      explanation: 'A friendly check finds most missing items on a hanger.',
    },
  ],
};

/** Failed, then retaken: pass mark 100, so one wrong answer fails it; long enough that its result page scrolls. */
const FAILABLE = {
  id: randomUUID(),
  title: uniqueTitle('E2E lesson Cash drawer'),
  cards: [{ title: 'Close the drawer', body: 'Close the drawer **between** every sale.' }],
  quiz: [
    {
      id: 'q1',
      prompt: 'When do you close the drawer?',
      kind: 'single',
      options: [
        { id: 'a', text: 'Between every sale' },
        { id: 'b', text: 'At the end of the day' },
      ],
      correct: ['a'],
      explanation: 'An open drawer invites mistakes.',
    },
    {
      id: 'q2',
      prompt: 'Who may open the drawer?',
      kind: 'single',
      options: [
        { id: 'a', text: 'The cashier on the till' },
        { id: 'b', text: 'Anyone nearby' },
      ],
      correct: ['a'],
      explanation: 'One person per till.',
    },
    {
      id: 'q3',
      prompt: 'A customer asks you to break a note while the drawer is open for a sale. What do you do?',
      kind: 'single',
      options: [
        { id: 'a', text: 'Finish the sale and close the drawer first, then help with the change' },
        { id: 'b', text: 'Make the change at once while the drawer is open' },
      ],
      correct: ['a'],
      explanation: 'Change is a separate transaction: mixing it into a sale is how drawers come up short at the end of the day.',
    },
    {
      id: 'q4',
      prompt: 'You find the drawer short at the end of your shift. Who do you tell?',
      kind: 'single',
      options: [
        { id: 'a', text: 'The manager on duty, before you leave' },
        { id: 'b', text: 'Nobody, it will balance tomorrow' },
      ],
      correct: ['a'],
      explanation: 'A shortage reported the same day can still be traced through the receipts; a day later it rarely can.',
    },
  ],
};

/** Made required by Downtown's manager from the report. */
const REQUIRED = { id: randomUUID(), title: uniqueTitle('E2E lesson Fire exits') };

/** A calendar day `days` from today in Downtown's time zone, by the server's clock (as the phone and the report count). */
async function dayFromToday(days: number): Promise<string> {
  const { rows } = await pool.query<{ day: string }>(
    `select to_char((now() at time zone s.time_zone)::date + $1::int, 'YYYY-MM-DD') as day from public.stores s where s.id = $2`,
    [days, SEED.downtown],
  );
  return rows[0]!.day;
}

/** A calendar day as the phone writes it (medium date in its language). */
function shownDate(page: Page, day: string, locale: 'en' | 'es'): Promise<string> {
  return page.evaluate(
    ([d, loc]) => {
      const tag = navigator.languages.find((x) => x.toLowerCase() === loc || x.toLowerCase().startsWith(`${loc}-`)) ?? loc;
      return new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }).format(new Date(`${d}T12:00:00`));
    },
    [day, locale] as const,
  );
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

/** With every word 40% longer, nothing on the screen spills or clips (the shell's tab bar has its own layout tests). */
async function expectRoomForLongerText(page: Page, screen: string): Promise<void> {
  await pseudoLocalize(page);
  await page.locator('nav.tabbar').evaluate((nav: HTMLElement) => {
    nav.style.visibility = 'hidden';
  });
  await expect.poll(async () => (await findOverflow(page)).map((o) => `${screen}: ${o.element} ${o.problem}`)).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `learn-${name}.png`), fullPage: true });
}

async function signIn(page: Page, email: string): Promise<LearnPage> {
  const signInPage = new SignInPage(page);
  await signInPage.open(appUrl);
  await signInPage.signIn(email);
  const learn = new LearnPage(page);
  await learn.status.waitForPhase('idle', 20_000);
  return learn;
}

beforeAll(async () => {
  await pool.query(
    `insert into public.lessons (id, org_id, title, summary, minutes, cards, quiz, pass_mark, store_ids)
     values ($1, $2, $3, 'Keep fitting rooms moving and stock safe.', 3, $4, $5, 67, array[$6::uuid])`,
    [LESSON.id, SEED.org, LESSON.title, JSON.stringify(LESSON.cards), JSON.stringify(LESSON.quiz), SEED.downtown],
  );
});
beforeAll(async () => {
  await pool.query(`insert into public.lessons (id, org_id, title, summary, minutes, cards, quiz, pass_mark) values ($1, $2, $3, '', 2, $4, $5, 80)`, [
    EDITABLE.id,
    SEED.org,
    EDITABLE.title,
    JSON.stringify(LESSON.cards.slice(0, 1)),
    JSON.stringify(LESSON.quiz.slice(0, 1)),
  ]);
});
beforeAll(async () => {
  for (const lesson of [
    { ...FAILABLE, passMark: 100 },
    { id: REQUIRED.id, title: REQUIRED.title, cards: FAILABLE.cards, quiz: FAILABLE.quiz.slice(0, 1), passMark: 100 },
  ]) {
    await pool.query(
      `insert into public.lessons (id, org_id, title, summary, minutes, cards, quiz, pass_mark, store_ids) values ($1, $2, $3, '', 2, $4, $5, $6, array[$7::uuid])`,
      [lesson.id, SEED.org, lesson.title, JSON.stringify(lesson.cards), JSON.stringify(lesson.quiz), lesson.passMark, SEED.downtown],
    );
  }
});
afterAll(async () => {
  await pool.query(`update public.lessons set archived_at = now() where (id = $1 or title like 'E2E lesson %') and archived_at is null`, [LESSON.id]);
  await demo.close();
  await pool.end();
});

describe('Learn', () => {
  it('alex learns offline, resumes after a reload, syncs one attempt and reviews the question he missed', async () => {
    const { context, page } = phone();
    const learn = await signIn(page, DEMO.alex);
    await waitForServiceWorker(page);
    await learn.open();
    await learn.waitForLesson(LESSON.title);
    await expect.poll(() => learn.standing(LESSON.title)).toBe('Not started');

    await context.setOffline(true);
    await page.reload();
    await page.locator('nav.tabbar').waitFor();
    await learn.open();
    await shot(page, 'list');
    await expectAccessible(page, 'lesson list');

    await learn.openLesson(LESSON.title);
    await expect.poll(() => learn.step()).toBe('Card 1 of 2');
    await expect.poll(() => learn.cardTitle()).toBe('Count in, count out');
    await shot(page, 'card');
    await expectAccessible(page, 'lesson card');
    await learn.readCards();
    await expect.poll(() => learn.step()).toBe('Question 1 of 3');
    expect(await learn.answer(['The number of items'])).toBe(true);
    await learn.nextQuestion();
    expect(await learn.answer(['Return items to the floor', 'Leave hangers in the booth'])).toBe(false);
    await expect.poll(() => learn.feedback().innerText()).toContain('Clear booths and a tidy rail keep the queue moving.');
    await shot(page, 'question-feedback');
    await expectAccessible(page, 'question with feedback');

    await page.reload();
    await page.locator('nav.tabbar').waitFor();
    await learn.open();
    await expect.poll(() => learn.standing(LESSON.title)).toBe('In progress');
    await learn.openLesson(LESSON.title);
    await expect.poll(() => learn.step()).toBe('Question 2 of 3');
    await expect.poll(() => learn.chosen()).toEqual(['Leave hangers in the booth', 'Return items to the floor']);
    await expect.poll(() => learn.feedback().getAttribute('data-correct')).toBe('false');
    await learn.nextQuestion();
    await learn.answer(['Check the booth politely']);
    const score = await learn.finish();
    expect(score).toEqual({ percent: 67, passed: true });
    const result = learn.resultPanel();
    await expect.poll(() => result.innerText()).toContain('2 of 3 right');
    await expect.poll(() => result.innerText()).toContain('Pass mark: 67%');
    await expect.poll(() => result.innerText()).toContain('Clear booths and a tidy rail keep the queue moving.');
    await expect.poll(() => learn.status.waiting()).toBe(1);
    await shot(page, 'result');
    await expectAccessible(page, 'lesson result');

    await context.setOffline(false);
    await learn.status.waitForWaiting(0, 20_000);
    const { rows } = await pool.query<{ lesson_version: number; score: number; passed: boolean }>(
      'select lesson_version, score, passed from public.lesson_attempts where member_id = $1 and lesson_id = $2',
      [SEED.alexMember, LESSON.id],
    );
    expect(rows).toEqual([{ lesson_version: 1, score: score.percent, passed: true }]);

    const today = new TodayPage(page);
    await today.open();
    await expect.poll(() => learn.dueOnToday()).toBe(0);
    await makeReviewDue(page, `${LESSON.id}:q2`);
    await page.reload();
    await page.getByTestId('review-due').waitFor();
    await expect.poll(() => learn.dueOnToday()).toBe(1);
    await shot(page, 'today-review-due');
    await expectAccessible(page, 'Today with the review card');
    await learn.startReviewFromToday();
    await expect.poll(() => learn.prompt()).toBe('Which keep the fitting rooms ready?');
    await learn.answer(['Return items to the floor', 'Keep the rail tidy']);
    await shot(page, 'review');
    await expectAccessible(page, 'review');
    await page.getByRole('button', { name: 'Finish review' }).click();
    await page.getByText('Review done: 1 of 1 right.').waitFor();
    await expect.poll(async () => (await reviewItem(page, `${LESSON.id}:q2`)).box).toBe(2);
    // Written in the same record as the box just awaited.
    const item = await reviewItem(page, `${LESSON.id}:q2`);
    expect(Date.parse(item.due_at)).toBeGreaterThan(Date.now());
    await today.open();
    await expect.poll(() => learn.dueOnToday()).toBe(0);
  });

  it('HR edits a lesson from the version she opened, a stale edit is refused in words, and archiving asks first', async () => {
    const { page } = phone();
    const learn = await signIn(page, HR);
    await learn.open('more');
    await learn.waitForLesson(EDITABLE.title);
    await learn.editLesson(EDITABLE.title);
    // Online, the editor has the server's copy: the audience is known, no warning.
    expect(await page.getByText('This phone does not know who this lesson is for.').count()).toBe(0);
    await page.getByLabel('Pass mark (%)').fill('50');
    // Someone else saves a new version meanwhile.
    await pool.query('update public.lessons set pass_mark = 90 where id = $1', [EDITABLE.id]);
    expect(await learn.saveLesson()).toEqual({ ok: false, error: 'Someone changed this lesson since you opened it. Go back, sync and edit it again.' });
    expect((await pool.query('select pass_mark, version from public.lessons where id = $1', [EDITABLE.id])).rows).toEqual([{ pass_mark: 90, version: 2 }]);

    await page.reload();
    await learn.status.waitForPhase('idle', 20_000);
    await learn.open('more');
    await learn.editLesson(EDITABLE.title);
    await expect.poll(() => page.getByLabel('Pass mark (%)').inputValue()).toBe('90');
    await page.getByLabel('Pass mark (%)').fill('50');
    expect(await learn.saveLesson()).toEqual({ ok: true, notice: expect.stringContaining('saved (version 3)') });
    expect((await pool.query('select pass_mark, version from public.lessons where id = $1', [EDITABLE.id])).rows).toEqual([{ pass_mark: 50, version: 3 }]);

    await learn.editLesson(EDITABLE.title);
    expect(await learn.archiveLesson()).toBe(`Lesson “${EDITABLE.title}” archived.`);
    expect((await pool.query('select archived_at is not null as archived from public.lessons where id = $1', [EDITABLE.id])).rows).toEqual([
      { archived: true },
    ]);
    await expect.poll(() => learn.row(EDITABLE.title).count(), { timeout: 15_000 }).toBe(0);
  });

  it('HR writes a lesson for Downtown, the form says what to fix first, and alex gets the lesson at his next sync', async () => {
    const { page } = phone();
    const learn = await signIn(page, HR);
    await learn.open('more');
    await learn.openNewLesson();
    await page.getByLabel('Title', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save lesson' }).click();
    await page.getByText(/^Fix \d+ fields before saving\.$/).waitFor();
    await expect.poll(() => page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    const title = uniqueTitle('E2E lesson Till float');
    await learn.fillLesson({
      title,
      summary: 'Count the float the same way every morning.',
      minutes: 2,
      passMark: 100,
      card: { title: 'Two counts', body: 'Count the float **twice** and write both totals down.' },
      question: {
        prompt: 'How many times do you count the float?',
        options: ['Once', 'Twice', 'Never'],
        correct: 1,
        explanation: 'Two counts catch a miscount.',
      },
      stores: ['Downtown'],
    });
    await shot(page, 'editor');
    await expectAccessible(page, 'lesson editor');
    const saved = await learn.saveLesson();
    expect(saved).toEqual({ ok: true, notice: expect.stringContaining(`Lesson “${title}” saved (version 1).`) });
    const { rows } = await pool.query<{ store_ids: string[]; version: number; quiz: unknown }>(
      'select store_ids, version, quiz from public.lessons where title = $1',
      [title],
    );
    expect(rows).toMatchObject([{ store_ids: [SEED.downtown], version: 1 }]);
    expect(rows[0]!.quiz).toEqual([
      {
        id: 'q1',
        prompt: 'How many times do you count the float?',
        kind: 'single',
        options: [
          { id: 'a', text: 'Once' },
          { id: 'b', text: 'Twice' },
          { id: 'c', text: 'Never' },
        ],
        correct: ['b'],
        explanation: 'Two counts catch a miscount.',
      },
    ]);

    // HR is not in a Downtown lesson's audience, so her phone never holds it: the organisation list reopens it, audience and all.
    await learn.editOrganisationLesson(title);
    await expect.poll(() => page.getByRole('group', { name: 'Stores' }).getByLabel('Downtown', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByText('does not know who this lesson is for').count()).toBe(0);
    await page.getByRole('button', { name: 'Cancel' }).click();

    const alex = await newPhone();
    try {
      const alexLearn = await signIn(alex.page, DEMO.alex);
      await alexLearn.open();
      await alexLearn.waitForLesson(title);
      expect(await alexLearn.completeLesson(title, [['Twice']])).toEqual({ percent: 100, passed: true });
      await expectRoomForLongerText(alex.page, 'lesson result');
    } finally {
      await alex.close();
    }
  });

  it("Downtown's manager sees Downtown only, with the numbers the tables give, and words when offline", async () => {
    // sam's attempt arrives as if synced, so the row has more than one person in it.
    await pool.query(
      `insert into public.lesson_attempts (id, org_id, lesson_id, lesson_version, member_id, store_id, answers, score, passed, started_at, completed_at)
       values (gen_random_uuid(), $1, $2, 1, $3, $4, '{}', 33, false, now() - interval '5 minutes', now() - interval '3 minutes')`,
      [SEED.org, LESSON.id, SEED.samMember, SEED.downtown],
    );
    const {
      rows: [expected],
    } = await pool.query<{ audience: number; completed: number; passed: number; average: string | null }>(
      `with best as (
         select a.member_id, max(a.score) as best, bool_or(a.passed) as passed
         from public.lesson_attempts a join public.members m on m.id = a.member_id
         where a.lesson_id = $1 and m.store_id = $2 and m.active group by a.member_id)
       select (select count(*)::int from public.members where store_id = $2 and active) as audience,
              (select count(*)::int from best) as completed,
              (select count(*)::int from best where passed) as passed,
              (select round(avg(best), 1)::text from best) as average`,
      [LESSON.id, SEED.downtown],
    );
    const { context, page } = phone();
    const learn = await signIn(page, MANAGER_DOWNTOWN);
    await learn.open('more');
    await context.setOffline(true);
    await learn.openReport();
    await learn.reportFailure().waitFor();
    await expect.poll(() => learn.reportFailure().innerText()).toContain('This needs a connection.');
    await context.setOffline(false);
    await learn.retryReport();

    await expect.poll(() => learn.reportStores(), { timeout: 15_000 }).toEqual(['Downtown']);
    await expect
      .poll(() => learn.reportRows(LESSON.title))
      .toEqual([
        {
          store: 'Downtown',
          completed: expected!.completed,
          audience: expected!.audience,
          passed: expected!.passed,
          // Reports write percentages with at most one decimal, rounded down (see src/ui/i18n/report-format.ts).
          average: new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1, roundingMode: 'floor' }).format(
            Number(expected!.average) / 100,
          ),
        },
      ]);
    await shot(page, 'report');
    await expectAccessible(page, 'training report');
    await expectRoomForLongerText(page, 'training report');
  });

  it('a failed lesson says so and offers Retake the quiz, which opens at question 1; a passed one shows its score; the score heading clears the status bar', async () => {
    const { page } = phone();
    const learn = await signIn(page, DEMO.alex);
    await learn.open();
    await learn.waitForLesson(FAILABLE.title);
    await learn.openLesson(FAILABLE.title);
    await learn.readCards();
    await learn.answer(['Between every sale']);
    await learn.nextQuestion();
    await learn.answer(['Anyone nearby']);
    await learn.nextQuestion();
    await learn.answer(['Make the change at once while the drawer is open']);
    await learn.nextQuestion();
    await learn.answer(['The manager on duty, before you leave']);
    // The bar grows with what it says (a sync problem, waiting items, a longer language); taller than the
    // page's fixed scroll-padding here, so only a scroll that measures the bar keeps the heading clear of it.
    await page.locator('.sync-bar').evaluate((bar: HTMLElement) => {
      bar.style.paddingBottom = '7rem';
    });
    expect(await learn.finish()).toEqual({ percent: 50, passed: false });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    // The score heading has focus and sits below the sticky sync bar, not under it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.contains(document.querySelector('[data-testid=lesson-result-heading]')))).toBe(true);
    await expect.poll(() => learn.resultHeadingClearance()).toBeGreaterThanOrEqual(0);
    await expect.poll(() => learn.resultPanel().getByTestId('lesson-retry').innerText()).toBe('Retake the quiz');
    await shot(page, 'result-failed');
    await expectAccessible(page, 'failed result');

    await learn.backToLessons();
    await expect.poll(() => learn.standing(FAILABLE.title)).toBe('Best score 50% · not passed yet');
    await expect.poll(() => learn.action(FAILABLE.title)).toBe('Retake the quiz');
    await shot(page, 'list-failed');
    await learn.retakeQuiz(FAILABLE.title);
    await expect.poll(() => learn.step()).toBe('Question 1 of 4');
    await expect.poll(() => learn.prompt()).toBe('When do you close the drawer?');
    for (const [i, answer] of [
      'Between every sale',
      'The cashier on the till',
      'Finish the sale and close the drawer first, then help with the change',
      'The manager on duty, before you leave',
    ].entries()) {
      if (i > 0) await learn.nextQuestion();
      await learn.answer([answer]);
    }
    expect(await learn.finish()).toEqual({ percent: 100, passed: true });
    await expect.poll(() => learn.resultHeadingClearance()).toBeGreaterThanOrEqual(0);
    await learn.backToLessons();
    await expect.poll(() => learn.standing(FAILABLE.title)).toBe('Passed · best score 100%');
    await expect.poll(() => learn.action(FAILABLE.title)).toBe('Take it again');
    await learn.status.waitForWaiting(0, 20_000);
  });

  it("Downtown's manager makes a lesson required; alex sees the date at the top of his list, then overdue, and the report lists him overdue", async () => {
    const manager = phone();
    const report = await signIn(manager.page, MANAGER_DOWNTOWN);
    await report.open('more');
    await report.openReport();
    const dueOn = await dayFromToday(7);
    await report.fillRequirement(REQUIRED.title, dueOn);
    // A manager is offered their own store only, ticked to start with.
    await expect.poll(() => manager.page.getByTestId('require-form').getByRole('group', { name: 'Stores' }).getByRole('checkbox').count()).toBe(1);
    await expect.poll(() => manager.page.getByTestId('require-form').getByLabel('Downtown', { exact: true }).isChecked()).toBe(true);
    await manager.page.getByTestId('require-form').scrollIntoViewIfNeeded();
    await shot(manager.page, 'require-form');
    await expectAccessible(manager.page, 'make a lesson required');
    const notice = await report.saveRequirement();
    expect(notice).toBe(`“${REQUIRED.title}” is now required by ${await shownDate(manager.page, dueOn, 'en')}. Phones get it at their next sync.`);
    expect((await pool.query('select due_on::text as due_on, store_ids from public.lesson_requirements where lesson_id = $1', [REQUIRED.id])).rows).toEqual([
      { due_on: dueOn, store_ids: [SEED.downtown] },
    ]);

    const alex = await newPhone();
    try {
      const learn = await signIn(alex.page, DEMO.alex);
      await learn.open();
      await learn.waitForLesson(REQUIRED.title);
      // A phone that never took it knows alex passed the lesson he retook earlier: his attempts come back with the sync.
      await expect.poll(() => learn.standing(FAILABLE.title)).toBe('Passed · best score 100%');
      await expect.poll(() => learn.required(REQUIRED.title)).toEqual({ kind: 'due', text: `Required by ${await shownDate(alex.page, dueOn, 'en')}` });
      await expect.poll(async () => (await learn.titles())[0]).toBe(REQUIRED.title);
      await shot(alex.page, 'list-required');
      await expectAccessible(alex.page, 'list with a required lesson');

      // The date passes: moved on the server (never a sleep), and the lesson touched so the phone pulls it again.
      const past = await dayFromToday(-2);
      await pool.query('update public.lesson_requirements set due_on = $2 where lesson_id = $1', [REQUIRED.id, past]);
      await pool.query('update public.lessons set updated_at = now() where id = $1', [REQUIRED.id]);
      await alex.page.reload();
      await learn.status.waitForPhase('idle', 20_000);
      await learn.open();
      await expect
        .poll(() => learn.required(REQUIRED.title), { timeout: 15_000 })
        .toEqual({ kind: 'overdue', text: `Overdue: was required by ${await shownDate(alex.page, past, 'en')} (2 days ago)` });
      await shot(alex.page, 'list-overdue');
      await expectAccessible(alex.page, 'list with an overdue lesson');
    } finally {
      await alex.close();
    }

    await manager.page.reload();
    await report.status.waitForPhase('idle', 20_000);
    await expect
      .poll(async () => (await report.overdueRows()).filter((r) => r.lessonId === REQUIRED.id).map((r) => r.memberId), { timeout: 15_000 })
      .toContain(SEED.alexMember);
    const rows = (await report.overdueRows()).filter((r) => r.lessonId === REQUIRED.id);
    expect(rows.find((r) => r.memberId === SEED.alexMember)?.text).toContain('2 days late');
    // Only Downtown's people: the manager's scope.
    const { rows: inScope } = await pool.query<{ id: string }>('select id from public.members where store_id = $1 and active', [SEED.downtown]);
    expect(rows.every((r) => inScope.some((m) => m.id === r.memberId))).toBe(true);
    await shot(manager.page, 'report-overdue');
    await expectAccessible(manager.page, 'training report with overdue people');
    await manager.page.setViewportSize({ width: 1280, height: 800 });
    await shot(manager.page, 'report-overdue-1280');
    await expectAccessible(manager.page, 'training report at 1280');
  });

  it('speaks Spanish to a member whose account says so', async () => {
    await demo.setMemberLocale(SEED.samMember, 'es');
    try {
      const { page } = phone();
      const signInPage = new SignInPage(page);
      await signInPage.open(appUrl);
      await signInPage.signIn(DEMO.sam);
      await page.getByRole('navigation', { name: 'Principal' }).waitFor({ timeout: 15_000 });
      const learn = new LearnPage(page, 'es');
      await learn.open();
      await learn.waitForLesson(LESSON.title);
      await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Lecciones' }).count()).toBe(1);

      // Failed in Spanish: the list offers the quiz again, which opens at its first question.
      await learn.waitForLesson(FAILABLE.title);
      expect(
        await learn.completeLesson(FAILABLE.title, [
          ['At the end of the day'],
          ['The cashier on the till'],
          ['Make the change at once while the drawer is open'],
          ['The manager on duty, before you leave'],
        ]),
      ).toEqual({ percent: 50, passed: false });
      await expect.poll(() => learn.resultHeadingClearance()).toBeGreaterThanOrEqual(0);
      await shot(page, 'result-failed-es');
      await learn.backToLessons();
      await expect.poll(() => learn.standing(FAILABLE.title)).toBe('Mejor nota 50 % · aún sin aprobar');
      await expect.poll(() => learn.action(FAILABLE.title)).toBe('Repetir el test');
      await learn.retakeQuiz(FAILABLE.title);
      await expect.poll(() => learn.step()).toBe('Pregunta 1 de 4');
      await learn.backToLessons();
      // Required of Downtown by the previous test and now past its date: overdue, in words.
      await expect.poll(async () => (await learn.required(REQUIRED.title))?.kind).toBe('overdue');
      await expect.poll(async () => (await learn.required(REQUIRED.title))?.text).toMatch(/^Atrasada: era obligatoria antes del .+ \(hace 2 días\)$/);
      await shot(page, 'list-es');
      await expectAccessible(page, 'lesson list in Spanish');
      await expectRoomForLongerText(page, 'lesson list');
    } finally {
      await demo.setMemberLocale(SEED.samMember, 'en');
    }
  });

  it("Downtown's manager moves the date of Downtown's requirement and removes it after a confirm; HR's for everyone is not theirs to change; offline says so", async () => {
    const { context, page } = phone();
    const { rows: hr } = await pool.query<{ id: string }>('select id from public.members where email = $1', [HR]);
    const { rows: wide } = await pool.query<{ id: string }>(
      `insert into public.lesson_requirements (org_id, lesson_id, due_on, set_by) values ($1, $2, current_date + 20, $3) returning id`,
      [SEED.org, REQUIRED.id, hr[0]!.id],
    );
    const { rows: own } = await pool.query<{ id: string }>('select id from public.lesson_requirements where lesson_id = $1 and store_ids = array[$2::uuid]', [
      REQUIRED.id,
      SEED.downtown,
    ]);
    const ownId = own[0]!.id;
    const wideId = wide[0]!.id;
    try {
      const report = await signIn(page, MANAGER_DOWNTOWN);
      await report.open('more');
      await report.openReport();
      await expect
        .poll(async () => (await report.requirements(REQUIRED.title)).map((r) => [r.id, r.buttons]))
        .toEqual([
          [ownId, 'enabled'],
          [wideId, 'none'],
        ]);
      const shown = await report.requirements(REQUIRED.title);
      expect(shown[0]!.text).toContain('Downtown');
      expect(shown[1]!.text).toContain('Everyone in the lesson’s audience');
      expect(shown[1]!.text).toContain('only HR can change it');

      const moved = await dayFromToday(10);
      await report.changeRequirementDate(ownId, moved);
      await expect
        .poll(() => report.reportNotice())
        .toBe(`“${REQUIRED.title}” is now required by ${await shownDate(page, moved, 'en')}. Phones get the new date at their next sync.`);
      await expect
        .poll(async () => (await pool.query('select due_on::text as due_on from public.lesson_requirements where id = $1', [ownId])).rows)
        .toEqual([{ due_on: moved }]);
      await expect.poll(async () => (await report.requirements(REQUIRED.title))[0]?.text).toContain(`By ${await shownDate(page, moved, 'en')}`);
      await page.getByTestId('report-requirements').first().scrollIntoViewIfNeeded();
      await shot(page, 'report-requirements');
      await expectAccessible(page, 'training report with requirements');

      // Offline the buttons rest and the report says why; nothing is sent.
      await context.setOffline(true);
      await expect.poll(async () => (await report.requirements(REQUIRED.title))[0]?.buttons).toBe('disabled');
      await expect.poll(() => page.getByTestId('report-requirements').first().innerText()).toContain('Changing or removing a requirement needs a connection.');
      await context.setOffline(false);
      await expect.poll(async () => (await report.requirements(REQUIRED.title))[0]?.buttons).toBe('enabled');

      await page.getByTestId('requirement').first().getByRole('button', { name: 'Remove', exact: true }).click();
      await expect.poll(() => page.getByTestId('requirement-remove-confirm').innerText()).toContain('Remove this requirement (Downtown)?');
      await shot(page, 'report-requirement-remove');
      await expectAccessible(page, 'removing a requirement');
      await page.getByRole('button', { name: 'Keep it', exact: true }).click();
      await report.removeRequirement(ownId);
      await expect.poll(() => report.reportNotice()).toBe(`Requirement removed: “${REQUIRED.title}” (Downtown). Phones drop the date at their next sync.`);
      await expect
        .poll(async () => (await pool.query('select id from public.lesson_requirements where lesson_id = $1', [REQUIRED.id])).rows.map((r) => r.id))
        .toEqual([wideId]);
      await expect.poll(async () => (await report.requirements(REQUIRED.title)).map((r) => r.id)).toEqual([wideId]);
      await page.setViewportSize({ width: 1280, height: 800 });
      await shot(page, 'report-requirements-1280');
      await expectAccessible(page, 'training report with requirements at 1280');
    } finally {
      await pool.query('delete from public.lesson_requirements where id = $1', [wideId]);
    }
  });
});
