/**
 * Values cards and lessons in the reader's language (issue 13, point 7), end to
 * end: HR (English) writes a values card and a lesson, each with a Spanish
 * version from the form's folded "Other language" part; Sam, whose app is in
 * Spanish, reads the card and takes the lesson in Spanish, switches to the
 * English original and back with one tap (the lesson keeps its place), and
 * passes the quiz answering in Spanish: the server scores it as the original.
 * Alex, in English, sees the originals with "Ver en español" offered.
 * Screenshots go to SCREENSHOT_DIR when it is set.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { LearnPage } from './pages/learn-page';
import { SignInPage } from './pages/signin-page';
import { ValuesPage } from './pages/values-page';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone, type Phone } from './support/browser';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';

const { appUrl, databaseUrl } = inject('e2e');
const HR = 'hr@demo.test';
const demo = new DemoDb();
const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
const phones: Phone[] = [];
const cardTitles: string[] = [];
const lessonTitles: string[] = [];

async function signedIn(email: string): Promise<Page> {
  const phone = await newPhone();
  phones.push(phone);
  const signIn = new SignInPage(phone.page);
  await signIn.open(appUrl);
  await signIn.signIn(email);
  await new LearnPage(phone.page).status.waitForPhase('idle', 20_000);
  return phone.page;
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `content-languages-${name}.png`), fullPage: true });
}

describe("values cards and lessons in the reader's language", () => {
  afterAll(async () => {
    for (const phone of phones) await phone.close();
    await demo.setMemberLocale(SEED.samMember, 'en');
    await pool.query('update public.value_cards set archived_at = now() where title = any($1) and archived_at is null', [cardTitles]);
    await pool.query('update public.lessons set archived_at = now() where title = any($1) and archived_at is null', [lessonTitles]);
    await demo.close();
    await pool.end();
  });

  it('HR adds a Spanish version of a values card; Sam reads it in Spanish and switches to the original and back; Alex is offered Spanish', async () => {
    const english = uniqueTitle('Own the aisle');
    const spanish = uniqueTitle('El pasillo es tuyo');
    cardTitles.push(english);

    const hrPage = await signedIn(HR);
    const hr = new ValuesPage(hrPage);
    await hr.open('more');
    await hr.startCard({ title: english, statement: 'Keep your aisle guest-ready.', examples: ['Sam faced up the shelf before opening.'] });
    await hr.addSpanishVersion({ title: spanish, statement: 'Ten tu pasillo listo para los clientes.', examples: ['Sam ordenó el estante antes de abrir.'] });
    await shot(hrPage, 'card-form');
    await expectAccessible(hrPage, 'values card form with a Spanish version');
    await hrPage.setViewportSize({ width: 1280, height: 800 });
    await shot(hrPage, 'card-form-1280');
    await hr.saveCard();
    const [saved] = (await pool.query('select language, translation from public.value_cards where title = $1', [english])).rows;
    expect(saved).toEqual({
      language: 'en',
      translation: {
        language: 'es',
        title: spanish,
        statement: 'Ten tu pasillo listo para los clientes.',
        on_the_floor: '',
        examples: ['Sam ordenó el estante antes de abrir.'],
      },
    });

    await demo.setMemberLocale(SEED.samMember, 'es');
    const samPage = await signedIn(DEMO.sam);
    const sam = new ValuesPage(samPage, 'es');
    await sam.open();
    await sam.goToCard(spanish);
    expect(await sam.cardTexts()).toEqual({
      statement: 'Ten tu pasillo listo para los clientes.',
      examples: ['Sam ordenó el estante antes de abrir.'],
      lang: 'es',
    });
    expect(await sam.languageOffer()).toBe('Ver original (inglés)');
    await shot(samPage, 'card-es');
    await expectAccessible(samPage, 'values card in Spanish');
    await sam.switchLanguage();
    await expect.poll(() => sam.cardTitle()).toBe(english);
    expect(await sam.cardTexts()).toMatchObject({ statement: 'Keep your aisle guest-ready.', lang: 'en' });
    expect(await sam.languageOffer()).toBe('Ver en español');
    await sam.switchLanguage();
    await expect.poll(() => sam.cardTitle()).toBe(spanish);
    // The kudos form names the value as the card reads.
    await sam.show('give');
    await expect.poll(() => samPage.getByLabel('Valor (opcional)').locator('option').allInnerTexts()).toContain(spanish);

    const alexPage = await signedIn(DEMO.alex);
    const alex = new ValuesPage(alexPage);
    await alex.open();
    await alex.goToCard(english);
    expect(await alex.languageOffer()).toBe('Ver en español');
    await shot(alexPage, 'card-en-offer');
  });

  it('HR adds a Spanish version of a lesson; Sam takes it in Spanish, switches mid-lesson without losing her place, and passes answering in Spanish', async () => {
    const english = uniqueTitle('E2E lesson Spill kit');
    const spanish = uniqueTitle('Kit de derrames');
    lessonTitles.push(english);

    const hrPage = await signedIn(HR);
    const hr = new LearnPage(hrPage);
    await hr.open('more');
    await hr.openNewLesson();
    await hr.fillLesson({
      title: english,
      summary: 'Where the spill kit is and what to do first.',
      minutes: 2,
      passMark: 100,
      card: { title: 'Block it off', body: 'Put the **yellow sign** down before you fetch the kit.' },
      question: { prompt: 'What comes first?', options: ['Fetch the mop', 'Put the sign down'], correct: 1, explanation: 'Nobody slips while you are away.' },
    });
    await hr.addSpanishVersion({
      title: spanish,
      summary: 'Dónde está el kit y qué hacer primero.',
      card: { title: 'Acordónalo', body: 'Pon el **cartel amarillo** antes de ir a por el kit.' },
      question: { prompt: '¿Qué va primero?', options: ['Traer la fregona', 'Poner el cartel'], explanation: 'Nadie resbala mientras no estás.' },
    });
    await shot(hrPage, 'lesson-editor');
    await expectAccessible(hrPage, 'lesson editor with a Spanish version');
    await hrPage.setViewportSize({ width: 1280, height: 800 });
    await shot(hrPage, 'lesson-editor-1280');
    expect(await hr.saveLesson()).toEqual({ ok: true, notice: expect.stringContaining(`Lesson “${english}” saved (version 1).`) });
    const [saved] = (
      await pool.query<{ language: string; translation: { title: string; quiz: unknown } }>(
        'select language, translation from public.lessons where title = $1',
        [english],
      )
    ).rows;
    expect(saved).toMatchObject({ language: 'en', translation: { language: 'es', title: spanish } });
    expect(saved!.translation.quiz).toEqual([
      {
        id: 'q1',
        prompt: '¿Qué va primero?',
        options: [
          { id: 'a', text: 'Traer la fregona' },
          { id: 'b', text: 'Poner el cartel' },
        ],
        explanation: 'Nadie resbala mientras no estás.',
      },
    ]);

    await demo.setMemberLocale(SEED.samMember, 'es');
    const samPage = await signedIn(DEMO.sam);
    const sam = new LearnPage(samPage, 'es');
    await sam.open();
    await sam.waitForLesson(spanish);
    await sam.openLesson(spanish);
    await expect.poll(() => sam.cardTitle()).toBe('Acordónalo');
    expect(await sam.languageOffer()).toBe('Ver original (inglés)');
    await shot(samPage, 'lesson-card-es');
    await expectAccessible(samPage, 'lesson card in Spanish');
    await sam.switchLanguage();
    await expect.poll(() => sam.cardTitle()).toBe('Block it off');
    expect(await sam.step()).toBe('Tarjeta 1 de 1');
    await sam.switchLanguage();
    await sam.readCards();
    await expect.poll(() => sam.prompt()).toBe('¿Qué va primero?');
    expect(await sam.answer(['Poner el cartel'])).toBe(true);
    await shot(samPage, 'lesson-answered-es');
    expect(await sam.finish()).toEqual({ percent: 100, passed: true });
    // The server scores the synced attempt against the original's answers.
    await expect
      .poll(
        async () =>
          (
            await pool.query<{ score: number; passed: boolean }>(
              'select a.score, a.passed from public.lesson_attempts a join public.lessons l on l.id = a.lesson_id where l.title = $1 and a.member_id = $2',
              [english, SEED.samMember],
            )
          ).rows,
        { timeout: 20_000 },
      )
      .toEqual([{ score: 100, passed: true }]);
  });
});
