/**
 * The Today screen in a real browser: what needs the person is pinned apart
 * from the rest, "N left to acknowledge today" follows their taps, an answered
 * card says so in place and is filed under "Acknowledged today" on the next visit,
 * search works with no network, and a briefing whose text changed after they
 * acknowledged it asks again and shows what changed. Lessons required of the
 * person and not passed sit on a card at the top, soonest first, in their
 * language, opening the lesson with one tap, and leave when nothing is asked.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone } from './support/browser';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { phonePerTest } from './support/phone-per-test';
import { screenshot } from './support/screenshot';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl, databaseUrl } = inject('e2e');
const db = new DemoDb();
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
/** Riverside's staff member, whom no other browser test signs in as (supabase/seed.sql). */
const RILEY = 'riley@demo.test';
const RIVERSIDE = '5a000000-0000-4000-8000-000000000002';

/** A calendar day `days` from today in Riverside's time zone, by the server's clock. */
async function riversideDay(days: number): Promise<string> {
  const { rows } = await pool.query<{ day: string }>(
    `select to_char((now() at time zone s.time_zone)::date + $1::int, 'YYYY-MM-DD') as day from public.stores s where s.id = $2`,
    [days, RIVERSIDE],
  );
  return rows[0]!.day;
}

/** A day as the card writes it past tomorrow (short weekday, day, month in the phone's language). */
function cardDay(page: Page, day: string, locale: 'en' | 'es'): Promise<string> {
  return page.evaluate(
    ([d, loc]) => {
      const tag = navigator.languages.find((x) => x.toLowerCase() === loc || x.toLowerCase().startsWith(`${loc}-`)) ?? loc;
      return new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${d}T12:00:00`));
    },
    [day, locale] as const,
  );
}

describe('Today', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await db.close();
    await pool.end();
  });

  it('pins what needs acknowledging, counts acknowledgements and searches offline', async () => {
    const mustRead = uniqueTitle('Today: freezer alarm drill');
    const forInfo = uniqueTitle('Today: new window display');
    await db.createBriefings([
      { title: mustRead, requiresAck: true },
      { title: forInfo, requiresAck: false, body: 'Autumn colours, café corner.' },
    ]);
    const { context, page } = phone();
    const today = new TodayPage(page);
    await new SignInPage(page).open(appUrl);
    await new SignInPage(page).signIn(DEMO.alex);
    await waitForServiceWorker(page);
    await today.waitForBriefing(mustRead);
    await today.waitForBriefing(forInfo);
    await today.status.waitForPhase('idle');

    await expect.poll(() => today.sectionOf(mustRead)).toBe('pinned');
    await expect.poll(() => today.sectionOf(forInfo)).toBe('today');
    const before = await today.left();
    expect(before).toBeGreaterThan(0);
    // The bar's Today tab carries the same number, seen and spoken.
    await expect.poll(() => today.tabCount()).toBe(before);
    // Cards scroll under the bar, never over it: every tab takes its tap.
    await expect.poll(() => today.barTakesEveryTap()).toBe(true);
    await context.setOffline(true);
    // The offline bar is in the flow: measure once it is there, so only the tap could move the card.
    await today.status.waitForPhase('offline');
    await screenshot(page, 'today-before-ack');
    const top = await today.top(mustRead);
    await today.acknowledge(mustRead);
    await expect.poll(() => today.left()).toBe(before - 1);
    await expect.poll(() => today.tabCount()).toBe(before - 1);
    // Answered, the card says so where the thumb is and does not move; the next visit files it under "Acknowledged today".
    await expect.poll(() => today.confirmation(mustRead)).toBe('Acknowledged · Saved on this phone, will send');
    await screenshot(page, 'today-after-ack', today.briefing(mustRead));
    await expect.poll(() => today.sectionOf(mustRead)).toBe('pinned');
    await expect.poll(() => today.top(mustRead)).toBe(top);
    await page.reload();
    await expect.poll(() => today.sectionOf(mustRead)).toBe('done');
    await expect.poll(() => today.confirmation(mustRead)).toBe('');

    // Accents and case are folded: "CAFE" finds "café" in the body.
    await today.search(`CAFE ${forInfo.split(' ').at(-1)}`);
    await expect.poll(() => today.titles()).toEqual([forInfo]);
    await expect.poll(() => today.sectionOf(forInfo)).toBe('results');
    await today.search('no-such-briefing-anywhere');
    await expect.poll(() => today.titles()).toEqual([]);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'No briefing matches' }).count()).toBe(1);
    await today.search('');
    await expect.poll(async () => (await today.titles()).includes(mustRead)).toBe(true);
  });

  it('asks again when the text changes after an acknowledgement, and shows what changed', async () => {
    const title = uniqueTitle('Today: closing checklist');
    const [id] = await db.createBriefings([{ title, body: 'Count the tills.\nLock the back door.' }]);
    const { page } = phone();
    const today = new TodayPage(page);
    await new SignInPage(page).open(appUrl);
    await new SignInPage(page).signIn(DEMO.alex);
    await today.waitForBriefing(title);
    await today.acknowledge(title);
    await today.status.waitForWaiting(0);
    await expect.poll(() => today.ackLabel(title)).toBe('Acknowledged · Sent');
    expect(await today.askedAgainNote(title)).toBe('');

    await db.editBody(id!, 'Count the tills.\nLock the back door and set the alarm.');
    await page.reload();
    await expect.poll(() => today.ackLabel(title), { timeout: 15_000 }).toBe('Please acknowledge');
    await expect.poll(() => today.askedAgainNote(title)).toContain('since you acknowledged version 1');
    await today.openBriefing(title);
    await expect.poll(() => today.changes(title)).toEqual({ removed: ['Lock the back door.'], added: ['Lock the back door and set the alarm.'] });

    await today.acknowledge(title);
    await today.status.waitForWaiting(0);
    const acks = await db.acks(SEED.alexMember, [id!]);
    expect(acks.map((a) => a.version).sort()).toEqual([1, 2]);
    expect(new Set(acks.map((a) => a.content_hash)).size).toBe(2);
  });

  it('shows the lessons required of riley, soonest first and at most three, opens one with a tap, speaks Spanish, and goes when none is asked', async () => {
    const { rows: people } = await pool.query<{ id: string; email: string }>('select id, email from public.members where email in ($1, $2)', [
      RILEY,
      'hr@demo.test',
    ]);
    const riley = people.find((p) => p.email === RILEY)!.id;
    const hr = people.find((p) => p.email === 'hr@demo.test')!.id;
    // Riverside only, so nobody else's Today or lesson list changes; the days are set on the server (never a wait).
    const lessons = [
      { title: uniqueTitle('Required: ladder safety'), days: 9 },
      { title: uniqueTitle('Required: cold chain'), days: -2 },
      { title: uniqueTitle('Required: fire exits'), days: 4 },
      { title: uniqueTitle('Required: manual handling'), days: 0 },
    ].map((l) => ({ ...l, id: randomUUID() }));
    for (const lesson of lessons) {
      await pool.query(
        `insert into public.lessons (id, org_id, title, cards, quiz, store_ids) values ($1, $2, $3, '[{"title":"a","body":"b"}]', '[]', array[$4::uuid])`,
        [lesson.id, SEED.org, lesson.title, RIVERSIDE],
      );
      await pool.query(`insert into public.lesson_requirements (org_id, lesson_id, due_on, store_ids, set_by) values ($1, $2, $3, array[$4::uuid], $5)`, [
        SEED.org,
        lesson.id,
        await riversideDay(lesson.days),
        RIVERSIDE,
        hr,
      ]);
    }
    const [, late, soon, todays] = lessons as [unknown, (typeof lessons)[number], (typeof lessons)[number], (typeof lessons)[number]];
    try {
      const { context, page } = phone();
      const today = new TodayPage(page);
      await new SignInPage(page).open(appUrl);
      await new SignInPage(page).signIn(RILEY);
      await waitForServiceWorker(page);
      await today.status.waitForPhase('idle', 20_000);
      await expect
        .poll(() => today.requiredLessons(), { timeout: 15_000 })
        .toEqual([
          { title: late.title, when: 'Overdue by 2 days' },
          { title: todays.title, when: 'Due today' },
          { title: soon.title, when: `Required by ${await cardDay(page, await riversideDay(4), 'en')}` },
        ]);
      await expect.poll(() => today.requiredMore()).toBe('1 more required lesson');
      await screenshot(page, 'today-required');
      const violations = blockingViolations(await runAxe(page));
      if (violations.length > 0) console.error(`axe: Today with required lessons\n${describeViolations(violations)}`);
      expect(violations.map((v) => `[${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
      // From the phone's own copy: offline after a reload it is all still there.
      await context.setOffline(true);
      await page.reload();
      await expect.poll(async () => (await today.requiredLessons()).map((r) => r.title)).toEqual([late.title, todays.title, soon.title]);
      await today.openRequired(late.title);
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/learn/${late.id}`);
      await context.setOffline(false);
    } finally {
      await db.setMemberLocale(riley, 'es');
    }

    const spanish = await newPhone();
    try {
      const today = new TodayPage(spanish.page, 'es');
      await new SignInPage(spanish.page).open(appUrl);
      await new SignInPage(spanish.page).signIn(RILEY);
      await today.status.waitForPhase('idle', 20_000);
      await expect
        .poll(() => today.requiredLessons(), { timeout: 15_000 })
        .toEqual([
          { title: late.title, when: 'Atrasada 2 días' },
          { title: todays.title, when: 'Vence hoy' },
          { title: soon.title, when: `Fecha límite: ${await cardDay(spanish.page, await riversideDay(4), 'es')}` },
        ]);
      await expect.poll(() => today.requiredMore()).toBe('1 lección obligatoria más');
      await screenshot(spanish.page, 'today-required-es');

      // Nothing asked any more: the card goes at the next sync.
      await pool.query('delete from public.lesson_requirements where lesson_id = any ($1::uuid[])', [lessons.map((l) => l.id)]);
      await pool.query('update public.lessons set updated_at = now() where id = any ($1::uuid[])', [lessons.map((l) => l.id)]);
      await spanish.page.reload();
      await today.status.waitForPhase('idle', 20_000);
      await expect.poll(() => spanish.page.getByTestId('required-lessons').count(), { timeout: 15_000 }).toBe(0);
    } finally {
      await spanish.close();
      await db.setMemberLocale(riley, 'en');
      await pool.query('delete from public.lesson_requirements where lesson_id = any ($1::uuid[])', [lessons.map((l) => l.id)]);
      await pool.query('update public.lessons set archived_at = now() where id = any ($1::uuid[])', [lessons.map((l) => l.id)]);
    }
  });
});
