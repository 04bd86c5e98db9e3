/**
 * The Values tab in Chromium on a phone: alex steps through the values cards
 * (buttons, swipe, arrow keys); gives Sam kudos offline from the cached roster,
 * sees it wait on the wall, and once online it is in Postgres exactly once and
 * on Sam's phone (in Spanish) under "kudos you received". HR creates a card that
 * reaches alex at his next sync, moves it and archives it, and it leaves his
 * phone. Downtown's manager sees recognition for Downtown only, with the counts
 * Postgres has. axe finds nothing serious on any of it. Screenshots go to
 * SCREENSHOT_DIR when it is set.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { type ReportStore, ValuesPage } from './pages/values-page';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone } from './support/browser';
import { DEMO, DemoDb, SEED } from './support/demo-db';
import { findOverflow, pseudoLocalize } from './support/layout';
import { phonePerTest } from './support/phone-per-test';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl, databaseUrl } = inject('e2e');
const HR = 'hr@demo.test';
const MANAGER_DOWNTOWN = 'manager.downtown@demo.test';
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const demo = new DemoDb();
const RILEY = '3e000000-0000-4000-8000-000000000006';
const createdCards: string[] = [];
const recordedKudos: string[] = [];

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

async function signedIn(page: Page, email: string, locale: 'en' | 'es' = 'en'): Promise<ValuesPage> {
  const signIn = new SignInPage(page);
  await signIn.open(appUrl);
  await signIn.signIn(email);
  const values = new ValuesPage(page, locale);
  await values.status.waitForPhase('idle', 20_000);
  await values.open(email === HR || email === MANAGER_DOWNTOWN ? 'more' : 'bar');
  return values;
}

interface KudosSpec {
  from: string;
  to: string;
  value: string | null;
  daysAgo: number;
}

/** Kudos stored as the database owner, as if synced from phones over the last days; removed in afterAll. */
async function recordKudos(specs: readonly KudosSpec[]): Promise<void> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into public.kudos (id, org_id, from_member_id, to_member_id, value_card_id, store_id, message, created_at)
     select gen_random_uuid(), $1, s.from_id, s.to_id,
            (select v.id from public.value_cards v where v.org_id = $1 and v.title = s.value and v.archived_at is null),
            (select m.store_id from public.members m where m.id = s.to_id),
            'Recorded by the values test', now() - make_interval(days => s.days_ago)
     from jsonb_to_recordset($2::jsonb) as s(from_id uuid, to_id uuid, value text, days_ago int)
     returning id`,
    [SEED.org, JSON.stringify(specs.map((k) => ({ from_id: k.from, to_id: k.to, value: k.value, days_ago: k.daysAgo })))],
  );
  recordedKudos.push(...rows.map((r) => r.id));
}

/** Downtown's recognition as Postgres counts it: kudos to Downtown's people in the last `days` days, by value. */
async function downtownReport(days: number): Promise<ReportStore> {
  const { rows } = await pool.query<{ title: string | null; n: number }>(
    `select v.title, count(*)::int as n from public.kudos k left join public.value_cards v on v.id = k.value_card_id
     where k.store_id = $1 and k.created_at >= now() - make_interval(days => $2) group by v.title`,
    [SEED.downtown, days],
  );
  const shown = rows.map((r) => ({ title: r.title ?? 'No particular value', count: r.n }));
  return {
    store: 'Downtown',
    total: rows.reduce((sum, r) => sum + r.n, 0),
    values: shown.sort(
      (a, b) => b.count - a.count || Number(a.title === 'No particular value') - Number(b.title === 'No particular value') || a.title.localeCompare(b.title),
    ),
  };
}

async function liveCardTitles(): Promise<string[]> {
  const { rows } = await pool.query<{ title: string }>('select title from public.value_cards where org_id = $1 and archived_at is null order by position', [
    SEED.org,
  ]);
  return rows.map((r) => r.title);
}

describe('Values tab', () => {
  const phone = phonePerTest();
  afterEach(async () => {
    await demo.setMemberLocale(SEED.samMember, 'en');
  });
  afterAll(async () => {
    // A card left behind by a failed run must not change other files' decks.
    if (createdCards.length > 0) {
      await pool.query('update public.value_cards set archived_at = now() where title = any($1) and archived_at is null', [createdCards]);
    }
    await pool.query('delete from public.kudos where id = any($1::uuid[])', [recordedKudos]);
    await pool.end();
    await demo.close();
  });

  it('alex steps through the values cards with buttons, a swipe and the arrow keys', async () => {
    const { page } = phone();
    const values = await signedIn(page, DEMO.alex);
    const titles = await liveCardTitles();
    await expect.poll(() => values.cardTitle()).toBe(titles[0]);
    await expect.poll(() => values.position()).toBe(`1 of ${titles.length}`);
    // A phone is told to swipe or tap, not about keyboard arrows it does not have.
    await expect.poll(() => page.locator('.value-deck__hint').innerText()).toBe('Swipe the card, or tap Next, to see the next value.');
    await values.snapshot('values-cards');
    await expectAccessible(page, 'values cards');

    await values.next();
    await expect.poll(async () => [await values.cardTitle(), await values.position()]).toEqual([titles[1], `2 of ${titles.length}`]);
    await values.swipe('left');
    await expect.poll(() => values.cardTitle()).toBe(titles[2]);
    await values.swipe('right');
    await expect.poll(() => values.cardTitle()).toBe(titles[1]);
    await values.previous();
    await expect.poll(() => values.cardTitle()).toBe(titles[0]);

    await values.card().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => values.position()).toBe(`3 of ${titles.length}`);
    await page.keyboard.press('End');
    await expect.poll(() => values.cardTitle()).toBe(titles.at(-1));
    // The region is named by its card's heading, and the position is announced politely.
    await expect.poll(() => page.getByRole('region', { name: titles.at(-1)! }).count()).toBe(1);
    await expect
      .poll(() =>
        page
          .locator('[aria-live="polite"]')
          .filter({ hasText: `Value ${titles.length} of ${titles.length}` })
          .count(),
      )
      .toBe(1);

    // Words 40% longer still fit: nothing spills sideways or is clipped (the shell's tab bar is judged by its own tests).
    await pseudoLocalize(page);
    await page.locator('nav.tabbar').evaluate((nav: HTMLElement) => nav.style.setProperty('display', 'none'));
    await expect.poll(() => findOverflow(page)).toEqual([]);
  });

  it('alex thanks Sam offline; it waits on the wall, lands once, and Sam sees it', async () => {
    const message = `Thanks for covering my till at lunch ${randomUUID().slice(0, 8)}`;
    const { context, page } = phone();
    const values = await signedIn(page, DEMO.alex);
    await waitForServiceWorker(page);
    await values.show('give');
    await values.waitForColleague('Sam Patel');

    // A cold start with no network: the names below can only come from the roster kept in IndexedDB.
    await context.setOffline(true);
    await page.reload();
    await values.open();
    await values.status.waitForPhase('offline');
    await values.show('give');
    await values.fillKudos({ to: 'Sam Patel', value: 'One team', message });
    await page.getByRole('heading', { level: 2 }).evaluate((heading) => heading.scrollIntoView());
    await values.snapshot('values-kudos-form');
    await expectAccessible(page, 'kudos form');
    await values.giveKudos({ to: 'Sam Patel', value: 'One team', message });

    await expect
      .poll(async () => (await values.wall()).filter((k) => k.message === message))
      .toEqual([{ from: 'Alex Kim', to: 'Sam Patel', value: 'Value: One team', message, state: 'Saved on this phone, will send' }]);
    await values.snapshot('values-wall-pending');
    await expectAccessible(page, 'kudos wall');
    const stored = () =>
      pool
        .query(
          'select k.from_member_id, k.to_member_id, v.title from public.kudos k left join public.value_cards v on v.id = k.value_card_id where k.message = $1',
          [message],
        )
        .then((r) => r.rows);
    expect(await stored()).toEqual([]);

    await context.setOffline(false);
    await values.status.waitForWaiting(0, 20_000);
    await expect.poll(async () => (await values.wall()).find((k) => k.message === message)?.state, { timeout: 20_000 }).toBe('');
    expect(await stored()).toEqual([{ from_member_id: SEED.alexMember, to_member_id: SEED.samMember, title: 'One team' }]);

    await demo.setMemberLocale(SEED.samMember, 'es');
    const samPhone = await newPhone();
    try {
      const sam = await signedIn(samPhone.page, DEMO.sam, 'es');
      await expect
        .poll(async () => (await sam.receivedKudos()).filter((k) => k.message === message), { timeout: 20_000 })
        .toEqual([{ from: 'Alex Kim', to: 'Sam Patel', value: 'Valor: One team', message, state: '' }]);
      await sam.snapshot('values-wall-es');
      // Words 40% longer than Spanish still fit the phone; the shell's tab bar is judged by its own tests.
      await pseudoLocalize(samPhone.page);
      await samPhone.page.locator('nav.tabbar').evaluate((nav: HTMLElement) => nav.style.setProperty('display', 'none'));
      await expect.poll(() => findOverflow(samPhone.page)).toEqual([]);
    } finally {
      await samPhone.close();
    }
  });

  it("HR creates, moves and archives a card, and alex's phone follows at each sync", async () => {
    const title = `Listen first ${randomUUID().slice(0, 6)}`;
    createdCards.push(title);
    const { page } = phone();
    const hr = await signedIn(page, HR);
    await hr.show('edit');
    await hr.snapshot('values-hr-editor');
    await expectAccessible(page, 'card editor');
    await hr.startCard({
      title,
      statement: 'Hear the guest out before you answer.',
      onTheFloor: 'Let them finish.',
      examples: ['Sam repeated the question back.'],
    });
    await hr.snapshot('values-hr-card-form');
    await expectAccessible(page, 'card form');
    await hr.saveCard();
    await expect.poll(() => hr.editorNotice()).toBe('Saved. Phones get it at their next sync.');
    await expect.poll(() => hr.editorTitles()).toEqual(await liveCardTitles());
    await expect.poll(async () => (await hr.editorTitles()).at(-1)).toBe(title);

    const alexPhone = await newPhone();
    try {
      const alex = await signedIn(alexPhone.page, DEMO.alex);
      await expect.poll(() => alex.cardTitles()).toEqual(await liveCardTitles());

      await hr.moveUp(title);
      await expect.poll(() => hr.editorNotice()).toBe('New order saved. Phones get it at their next sync.');
      const moved = await liveCardTitles();
      expect(moved.at(-2)).toBe(title);
      await expect.poll(() => hr.editorTitles()).toEqual(moved);
      await alexPhone.page.reload();
      await alex.open();
      await expect.poll(() => alex.cardTitles(), { timeout: 20_000 }).toEqual(moved);

      await hr.archive(title);
      await expect.poll(() => hr.editorNotice()).toBe('Archived. It leaves phones at their next sync.');
      expect(await liveCardTitles()).not.toContain(title);
      await alexPhone.page.reload();
      await alex.open();
      await expect.poll(() => alex.cardTitles(), { timeout: 20_000 }).toEqual(await liveCardTitles());
    } finally {
      await alexPhone.close();
    }

    await page.context().setOffline(true);
    await expect.poll(() => page.getByText('Changing values cards needs a connection. You can still read them.').count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'New values card' }).isDisabled()).toBe(true);
  });

  it("Downtown's manager sees which values are recognised at Downtown only, as Postgres counts them", async () => {
    await recordKudos([
      { from: SEED.managerDowntownMember, to: SEED.alexMember, value: 'Guests first', daysAgo: 1 },
      { from: SEED.samMember, to: SEED.alexMember, value: 'Guests first', daysAgo: 2 },
      { from: SEED.alexMember, to: SEED.samMember, value: 'Safe every time', daysAgo: 3 },
      { from: SEED.samMember, to: SEED.alexMember, value: null, daysAgo: 40 },
      { from: SEED.alexMember, to: RILEY, value: 'Own it', daysAgo: 1 },
    ]);
    const { context, page } = phone();
    const values = await signedIn(page, MANAGER_DOWNTOWN);
    await values.show('report');
    await expect.poll(() => values.reportStores()).toEqual([await downtownReport(30)]);
    await values.snapshot('values-report');
    await expectAccessible(page, 'recognition report');

    await values.chooseDays(90);
    await expect.poll(() => values.reportStores()).toEqual([await downtownReport(90)]);

    await context.setOffline(true);
    await values.chooseDays(30);
    await expect.poll(() => values.reportProblem()).toBe('This needs a connection. Try again when you are online.');
  });
});
