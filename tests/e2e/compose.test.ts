/**
 * The Briefings tab end to end, as Downtown's manager on a phone: a
 * must-acknowledge briefing composed offline waits as "Saved on this phone, will send" with its
 * reach counted from the cached directory, lands in Postgres exactly once when
 * the network is back, becomes version 2 when edited, shows who has not
 * acknowledged it (as Postgres says), and disappears when retracted. A manager
 * is never offered a store they do not manage. Screenshots go to
 * SCREENSHOT_DIR when it is set.
 */

import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { ComposePage } from './pages/compose-page';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { BriefingDb } from './support/briefing-db';
import { newPhone } from './support/browser';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { setDeviceClockOff } from './support/device-clock';
import { findOverflow, pseudoLocalize } from './support/layout';
import { phonePerTest } from './support/phone-per-test';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl, databaseUrl } = inject('e2e');
const MANAGER = 'manager.downtown@demo.test';
const briefings = new BriefingDb();
const demo = new DemoDb();
const titles: string[] = [];
/** For what BriefingDb does not read: a briefing's publish time, and moving it to now (its time has come). */
const sql = new pg.Pool({ connectionString: databaseUrl, max: 1 });

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

/** Minutes from now on the phone's clock, as its datetime-local inputs take it. */
function inMinutes(page: Page, minutes: number): Promise<string> {
  return page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);
}

/** Real (server) time plus minutes, as datetime-local text, on a phone whose clock is `phoneOffMs` off. */
function realInMinutes(page: Page, minutes: number, phoneOffMs: number): Promise<string> {
  return page.evaluate(
    ([m, off]) => {
      const d = new Date(Date.now() - off + m * 60_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    },
    [minutes, phoneOffMs] as const,
  );
}

/** A due time two days ahead, as the phone's datetime-local input takes it (the phone's own time zone). */
function dueInTwoDays(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date(Date.now() + 2 * 24 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:30`;
  });
}

describe('Briefings tab', () => {
  const phone = phonePerTest();
  afterEach(async () => {
    await demo.setMemberLocale(SEED.managerDowntownMember, 'en');
  });
  afterAll(async () => {
    await briefings.close(titles);
    await demo.close();
    await sql.end();
  });

  it('composes offline, sends once online, edits to version 2, shows who has not acknowledged, and retracts', async () => {
    const title = uniqueTitle('Compose: truck at 9');
    titles.push(title);
    const { context, page } = phone();
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(MANAGER);
    await waitForServiceWorker(page);
    const compose = new ComposePage(page);
    await compose.open();
    await compose.status.waitForPhase('idle');

    // Online once: the directory arrives and is kept on the phone.
    await compose.startNew();
    const people = await briefings.membersAt(SEED.downtown);
    await expect.poll(() => compose.reach()).toBe(`Reaches ${people} people at Downtown`);
    await compose.cancel();

    // A cold start with no network: the reach below can only come from the copy kept in IndexedDB.
    await context.setOffline(true);
    await page.reload();
    await compose.open();
    await compose.status.waitForPhase('offline');
    await compose.startNew();
    await compose.fill({ title, body: '## Before opening\n- Clear **bay 2**\n- Pallets to the stockroom', ackDue: await dueInTwoDays(page) });
    await expect.poll(() => compose.reach()).toBe(`Reaches ${people} people at Downtown`);
    await compose.snapshot('compose-form');
    await expectAccessible(page, 'compose form');
    await compose.preview();
    await compose.snapshot('compose-preview');
    await expectAccessible(page, 'compose preview');
    await compose.send();
    await expect.poll(() => compose.sendState(title)).toBe('Saved on this phone, will send');
    await compose.status.waitForWaiting(1);
    await compose.snapshot('compose-list-will-send');
    expect(await briefings.titled(title)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => compose.sendState(title), { timeout: 20_000 }).toBe('Sent (version 1)');
    await compose.snapshot('compose-list-sent');
    const [sent, ...others] = await briefings.titled(title);
    expect(others).toEqual([]);
    expect(sent).toMatchObject({ version: 1, requires_ack: true, store_ids: [SEED.downtown], retracted_at: null });
    expect(sent!.ack_due_at).not.toBeNull();

    await compose.edit(title);
    await compose.fill({ body: '## Before opening\n- Clear **bay 2** and bay 3' });
    await compose.preview();
    await compose.send();
    await expect.poll(() => compose.sendState(title), { timeout: 20_000 }).toBe('Sent (version 2)');
    expect((await briefings.titled(title)).map((row) => row.version)).toEqual([2]);

    await context.setOffline(true);
    await compose.openReach(title);
    await expect.poll(() => compose.reachNotice()).toBe('Who has read it needs a connection. Try again when you are online.');
    await context.setOffline(false);
    await compose.refreshReach();
    const pending = await briefings.notAcknowledged(sent!.id);
    expect(pending.length).toBeGreaterThan(0);
    await expect.poll(() => compose.ackSummary(), { timeout: 15_000 }).toBe(`Acknowledged 0 of ${pending.length}`);
    await expect.poll(() => compose.pendingNames()).toEqual(pending);
    await compose.snapshot('compose-reach');
    await expectAccessible(page, 'compose reach view');
    await compose.closeReach();

    await compose.retract(title);
    await expect.poll(() => compose.sendState(title)).toBe('');
    await expect.poll(async () => (await briefings.titled(title))[0]?.retracted_at ?? null, { timeout: 20_000 }).not.toBeNull();
  });

  it('in Spanish: a Spanish template, and a manager offered only the stores they manage', async () => {
    await demo.setMemberLocale(SEED.managerDowntownMember, 'es');
    const { page } = phone();
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(MANAGER);
    const compose = new ComposePage(page, 'es');
    await compose.open();
    await compose.status.waitForPhase('idle');
    await compose.startNew();
    await expect.poll(() => compose.reach()).toMatch(/^Llega a \d+ personas en Downtown$/);
    await compose.startFromTemplate('shiftHuddle');
    await expect.poll(() => compose.title()).toBe('Reunión de turno');
    await expect.poll(() => compose.bodyText()).toMatch(/^## Hoy\n- Entregas: /);
    await expect.poll(() => compose.audience()).toBe('Downtown · todo el equipo');
    await expect.poll(() => compose.storeOptions()).toEqual(['Downtown']);
    await compose.snapshot('compose-form-es');

    // Words 40% longer than Spanish still fit the phone: nothing spills sideways or is clipped.
    await pseudoLocalize(page);
    await compose.snapshot('compose-form-es-pseudo');
    // Only this screen is checked here; the shell's tab bar is not part of its layout.
    await page.locator('nav.tabbar').evaluate((nav) => nav.style.setProperty('display', 'none'));
    await expect.poll(() => findOverflow(page)).toEqual([]);
  });

  it('starts HR on a policy for the whole organisation, counting every store', async () => {
    const { page } = phone();
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn('hr@demo.test');
    const compose = new ComposePage(page);
    await compose.open();
    await compose.startNew();
    const people = await briefings.membersInStores(SEED.org);
    await expect.poll(() => compose.reach()).toBe(`Reaches ${people} people across the organisation`);
    await expect.poll(() => compose.chosenKind()).toBe('Policy');
    await expect.poll(() => compose.storeOptions()).toEqual(['Downtown', 'Riverside']);
    await compose.snapshot('compose-form-hr');
  });
  it('a manager starts from a template offline, formats with the buttons, schedules it; staff see it only at its time', { timeout: 120_000 }, async () => {
    const title = uniqueTitle('Compose: scheduled huddle');
    titles.push(title);
    const { context, page } = phone();
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(MANAGER);
    await waitForServiceWorker(page);
    const compose = new ComposePage(page);
    await compose.open();
    await compose.status.waitForPhase('idle');
    // Online once, so the directory (stores, reach) is on the phone for the offline start below.
    await compose.startNew();
    await expect.poll(() => compose.reach()).toMatch(/^Reaches \d+ people at Downtown$/);
    await compose.cancel();

    await context.setOffline(true);
    await page.reload();
    await compose.open();
    await compose.status.waitForPhase('offline');
    await compose.startNew();
    await compose.startFromTemplate('shiftHuddle');
    await expect.poll(() => compose.title()).toBe('Shift huddle');
    await expect.poll(() => compose.bodyText()).toMatch(/^## Today\n- Deliveries: /);
    await compose.fill({ title });

    // Formatting with the buttons: the body gets exactly the safe markdown subset.
    await compose.appendLine('Clear bay 2 before 9');
    await compose.selectInBody('bay 2');
    await compose.format('bold');
    await compose.appendLine('Pallets to the stockroom');
    await compose.format('list');
    await compose.appendLine('Rota');
    await compose.selectInBody('Rota');
    await compose.link('shop.example.com/rota');
    // From a keyboard: Ctrl+B in the text.
    await compose.selectInBody('stockroom');
    await page.keyboard.press('Control+b');
    await expect
      .poll(() => compose.bodyText())
      .toMatch(/\*\*Safety:\*\* \nClear \*\*bay 2\*\* before 9\n- Pallets to the \*\*stockroom\*\*\n\[Rota\]\(https:\/\/shop\.example\.com\/rota\)$/);

    // The audience: one line, and only what Postgres lets a manager send to.
    await expect.poll(() => compose.audience()).toBe('Downtown · everyone');
    await expect.poll(() => compose.storeOptions()).toEqual(['Downtown']);
    await expect.poll(() => page.getByText('None ticked: the whole organisation.').count()).toBe(0);
    await expect.poll(() => compose.groupOptions('Roles')).toEqual(['Staff', 'Managers', 'HR', 'Admins']);

    await compose.fill({ publishAt: await inMinutes(page, 30) });
    await expect.poll(() => compose.barInView()).toBe(true);
    await compose.screen('compose-form-bar-390');
    await compose.snapshot('compose-form-template');
    await expectAccessible(page, 'compose form from a template');

    await compose.preview();
    await expect.poll(() => page.getByText(/^Staff see it /).count()).toBe(1);
    await expect.poll(() => compose.barInView()).toBe(true);
    await compose.screen('compose-preview-bar-390');
    await compose.send();
    await expect.poll(() => compose.sendState(title)).toBe('Saved on this phone, will send');
    await expect.poll(() => compose.card(title).getByTestId('scheduled').count()).toBe(1);
    expect(await briefings.titled(title)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => compose.sendState(title), { timeout: 20_000 }).toBe('Sent (version 1)');
    await compose.snapshot('compose-list-scheduled');
    const [sent] = await briefings.titled(title);
    expect(sent).toMatchObject({ requires_ack: true, store_ids: [SEED.downtown] });
    const row = await sql.query<{ minutes: number; body: string }>(
      'select extract(epoch from publish_at - now()) / 60 as minutes, body from public.briefings where id = $1',
      [sent!.id],
    );
    expect(Number(row.rows[0]!.minutes)).toBeGreaterThan(25);
    expect(row.rows[0]!.body).toContain('Clear **bay 2** before 9\n- Pallets to the **stockroom**\n[Rota](https://shop.example.com/rota)');

    // Staff: not on Today before its time, there once its time has come.
    const staff = await newPhone();
    try {
      const staffSignIn = new SignInPage(staff.page);
      await staffSignIn.open(appUrl);
      await staffSignIn.signIn(DEMO.alex);
      const today = new TodayPage(staff.page);
      await today.status.waitForPhase('idle');
      await expect.poll(() => today.isListed(title)).toBe(false);
      await staff.page.reload();
      await today.status.waitForPhase('idle');
      await expect.poll(() => today.isListed(title)).toBe(false);

      await sql.query("update public.briefings set publish_at = now() - interval '1 second' where id = $1", [sent!.id]);
      await staff.page.reload();
      await today.waitForBriefing(title, 20_000);
    } finally {
      await staff.close();
    }
  });

  it('measures a must-acknowledge shift briefing from a template, thumb only; then repeats it as a new briefing', { timeout: 90_000 }, async () => {
    const title = uniqueTitle('Huddle');
    const again = uniqueTitle('Huddle again');
    titles.push(title, again);
    const { page } = phone();
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(MANAGER);
    const compose = new ComposePage(page);
    await compose.status.waitForPhase('idle');

    // From Today to sent: every tap counted by the page model, the time only printed.
    const started = Date.now();
    await compose.open();
    await compose.startNew();
    await compose.startFromTemplate('shiftHuddle');
    await compose.fill({ title });
    await compose.appendLine('Truck at 9: clear bay 2');
    const seconds = (Date.now() - started) / 1000;
    await compose.screen('compose-form-top-390');
    const screens = await page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
    const resumed = Date.now();
    await compose.send();
    const total = seconds + (Date.now() - resumed) / 1000;
    console.info(
      `compose.manager_template_send: ${compose.taps} taps, ${total.toFixed(1)} s (page model at 390x844; typing is machine speed); the form is ${screens.toFixed(1)} screens tall`,
    );
    await expect.poll(() => compose.sendState(title), { timeout: 20_000 }).toBe('Sent (version 1)');
    const [first] = await briefings.titled(title);
    expect(first).toMatchObject({ requires_ack: true, store_ids: [SEED.downtown], version: 1 });

    // Repeat: a copy in a new draft; sending it leaves the old one as it was.
    await compose.startNew();
    await compose.repeat(title);
    await expect.poll(() => compose.title()).toBe(title);
    await expect.poll(() => compose.bodyText()).toMatch(/Truck at 9: clear bay 2$/);
    await expect.poll(() => compose.audience()).toBe('Downtown · everyone');
    await compose.fill({ title: again });
    await compose.send();
    await expect.poll(() => compose.sendState(again), { timeout: 20_000 }).toBe('Sent (version 1)');
    expect(await briefings.titled(title)).toEqual([first]);
    expect((await briefings.titled(again))[0]).toMatchObject({ requires_ack: true, store_ids: [SEED.downtown] });
  });

  it('on a phone a day behind, the publish time is judged by the server clock', async () => {
    const title = uniqueTitle('Compose: clock behind');
    titles.push(title);
    const behind = -24 * 3_600_000;
    const { context, page } = phone();
    await setDeviceClockOff(context, behind);
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(MANAGER);
    const compose = new ComposePage(page);
    await compose.status.waitForPhase('idle');
    await compose.open();
    await compose.startNew();
    await compose.startFromTemplate('safetyAlert');
    await compose.fill({ title });

    // An hour ago is a day ahead of this phone's clock, yet past: refused before it is queued.
    await compose.fill({ publishAt: await realInMinutes(page, -60, behind) });
    expect(await compose.sendRefused()).toEqual(['The publish time must be in the future.']);

    await compose.fill({ publishAt: await realInMinutes(page, 30, behind) });
    await compose.send();
    await expect.poll(() => compose.sendState(title), { timeout: 20_000 }).toBe('Sent (version 1)');
    const [sent] = await briefings.titled(title);
    const row = await sql.query<{ minutes: number }>('select extract(epoch from publish_at - now()) / 60 as minutes from public.briefings where id = $1', [
      sent!.id,
    ]);
    expect(Number(row.rows[0]!.minutes)).toBeGreaterThan(25);
    expect(Number(row.rows[0]!.minutes)).toBeLessThan(31);
  });

  it('one-tap times on a phone a day behind: by the server clock, said in words in English and Spanish, sent as tapped', async () => {
    const title = uniqueTitle('Compose: one-tap times');
    titles.push(title);
    const behind = -24 * 3_600_000;
    const { context, page } = phone();
    await setDeviceClockOff(context, behind);
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(MANAGER);
    const compose = new ComposePage(page);
    await compose.status.waitForPhase('idle');
    await compose.open();
    await compose.startNew();
    await compose.startFromTemplate('safetyAlert');
    await compose.fill({ title });
    const tomorrow = (await realInMinutes(page, 24 * 60, behind)).slice(0, 10);

    // Two hours on by the server's clock, not this phone's (a day behind), rounded up to 5 minutes.
    await compose.pickTime('due', 'In 2 hours');
    const inTwoHours = await realInMinutes(page, 120, behind);
    await expect.poll(async () => (await compose.timeValue('due')) >= inTwoHours).toBe(true);
    await expect.poll(async () => (await compose.timeValue('due')) <= (await realInMinutes(page, 126, behind))).toBe(true);
    await expect.poll(() => compose.timeWords('due')).toMatch(/^Due (today|tomorrow) at \d{1,2}:\d{2}\s[AP]M$/u);
    await page.getByTestId('due-choices').scrollIntoViewIfNeeded();
    await compose.screen('compose-timing-due-390');

    await compose.pickTime('publish', 'Tomorrow before opening');
    await expect.poll(() => compose.timeValue('publish')).toBe(`${tomorrow}T07:00`);
    await expect.poll(() => compose.timeWords('publish')).toMatch(/^Publishes tomorrow at 7:00\sAM$/u);
    // Only times after the publish time are offered to acknowledge by.
    await expect.poll(async () => (await compose.timeChoices('due')).map((c) => c.replace(/ \d.*$/, ''))).toEqual(['Tomorrow morning']);
    await compose.pickTime('due', 'Tomorrow morning');
    await expect.poll(() => compose.timeValue('due')).toBe(`${tomorrow}T09:00`);
    await expect.poll(() => compose.timeWords('due')).toMatch(/^Due tomorrow at 9:00\sAM$/u);
    await expect.poll(() => page.getByTestId('due-choices').getByRole('button', { pressed: true }).count()).toBe(1);
    await page.getByTestId('due-choices').scrollIntoViewIfNeeded();
    await compose.screen('compose-timing-390');
    await expectAccessible(page, 'compose form with one-tap times');

    await compose.send();
    await expect.poll(() => compose.sendState(title), { timeout: 20_000 }).toBe('Sent (version 1)');
    const [sent] = await briefings.titled(title);
    const row = await sql.query<{ gap: number; hours: number }>(
      'select extract(epoch from ack_due_at - publish_at) as gap, extract(epoch from publish_at - now()) / 3600 as hours from public.briefings where id = $1',
      [sent!.id],
    );
    expect(Number(row.rows[0]!.gap)).toBe(2 * 3600);
    // Tomorrow at 7 by the server's day: at least 7 hours and at most 31 hours away, never a day later.
    expect(Number(row.rows[0]!.hours)).toBeGreaterThan(7);
    expect(Number(row.rows[0]!.hours)).toBeLessThan(31);

    await demo.setMemberLocale(SEED.managerDowntownMember, 'es');
    const spanish = await newPhone();
    try {
      const signInEs = new SignInPage(spanish.page);
      await signInEs.open(appUrl);
      await signInEs.signIn(MANAGER);
      const composeEs = new ComposePage(spanish.page, 'es');
      await composeEs.status.waitForPhase('idle');
      await composeEs.open();
      await composeEs.startNew();
      await composeEs.pickTime('publish', 'Mañana antes de abrir');
      await expect.poll(() => composeEs.timeWords('publish')).toBe('Se publica mañana a las 7:00');
      await composeEs.pickTime('due', 'Mañana por la mañana');
      await expect.poll(() => composeEs.timeWords('due')).toBe('Confirmar mañana antes de las 9:00');
      await spanish.page.getByTestId('due-choices').scrollIntoViewIfNeeded();
      await composeEs.screen('compose-timing-es-390');
    } finally {
      await spanish.close();
      await demo.setMemberLocale(SEED.managerDowntownMember, 'en');
    }
  });

  it('keeps Preview and Send in reach on a desktop screen', async () => {
    const desktop = await newPhone({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });
    try {
      const signIn = new SignInPage(desktop.page);
      await signIn.open(appUrl);
      await signIn.signIn(MANAGER);
      const compose = new ComposePage(desktop.page);
      await compose.status.waitForPhase('idle');
      await desktop.page.goto(new URL('/briefings/new', appUrl).href);
      await desktop.page.getByLabel('Title', { exact: true }).waitFor();
      await compose.startFromTemplate('policyUpdate');
      await expect.poll(() => compose.details()).toBe('Important · no shift');
      await expect.poll(() => compose.barInView()).toBe(true);
      await compose.screen('compose-form-bar-1280');
      await compose.openAudience();
      await expect.poll(() => compose.barInView()).toBe(true);
      await compose.screen('compose-form-audience-1280');
      await expectAccessible(desktop.page, 'compose form at 1280');
    } finally {
      await desktop.close();
    }
  });
});
