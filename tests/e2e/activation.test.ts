/**
 * Activation without a company email (#12 item 3), in Chromium: a manager makes their
 * store's sheet and reads a new person's code from it; the new person opens the
 * sheet's /activate address on a second phone, sets a password, lands on Today with
 * their store's briefing; then signs out and signs in with employee ID and password.
 * Screenshots: /activate empty, with an error and done (390x844), the sheet at 1280x800
 * and as printed.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { AccountPage } from './pages/account-page';
import { ActivatePage, ActivationSheetPage } from './pages/activation-pages';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone, type Phone } from './support/browser';
import { SEED, uniqueTitle } from './support/demo-db';
import { PeopleDb } from './support/people-db';
import { screenshot } from './support/screenshot';

const { appUrl, databaseUrl } = inject('e2e');
const MANAGER = 'manager.downtown@demo.test';
const WIDE = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 } as const;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const people = new PeopleDb();
const phones: Phone[] = [];

afterAll(async () => {
  await Promise.all(phones.map((phone) => phone.close()));
  await people.close();
  await pool.end();
});

/** A Downtown staff member as HR or a roster import makes them: an employee ID, no email, no login. */
async function newcomer(): Promise<{ memberId: string; employeeId: string; name: string }> {
  const employeeId = `A${randomUUID().slice(0, 6).toUpperCase()}`;
  const name = `Nia ${employeeId}`;
  const { rows } = await pool.query<{ id: string }>(
    `insert into public.members (org_id, store_id, department_id, role, display_name, employee_id)
     values ($1, $2, $3, 'staff', $4, $5) returning id`,
    [SEED.org, SEED.downtown, SEED.salesFloor, name, employeeId],
  );
  return { memberId: rows[0]!.id, employeeId, name };
}

describe('activation', () => {
  it('a manager prints a sheet; the new person activates from its address, sees their store, and signs in again with their employee ID', {
    timeout: 120_000,
  }, async () => {
    const person = await newcomer();
    const title = uniqueTitle('Activation: welcome to Downtown');
    await people.briefingTo(SEED.downtown, title);

    // The manager's laptop: the sheet, on screen and as printed.
    const laptop = await newPhone(WIDE);
    phones.push(laptop);
    await new SignInPage(laptop.page).open(appUrl);
    await new SignInPage(laptop.page).signIn(MANAGER);
    const sheet = new ActivationSheetPage(laptop.page);
    await sheet.open(appUrl);
    await sheet.make();
    const code = await sheet.codeOf(person.employeeId);
    expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    const address = await sheet.addressOf(person.employeeId);
    expect(address).toBe(`${new URL(appUrl).origin}/activate?code=${code}`);
    await expect.poll(() => sheet.card(person.employeeId).locator('svg.sheet__qr').count()).toBe(1);
    await screenshot(laptop.page, 'activation-sheet');
    const sheetViolations = blockingViolations(await runAxe(laptop.page));
    expect(sheetViolations, describeViolations(sheetViolations)).toEqual([]);
    await laptop.page.emulateMedia({ media: 'print' });
    await expect.poll(() => laptop.page.getByRole('button', { name: 'Make codes' }).isVisible()).toBe(false);
    await screenshot(laptop.page, 'activation-sheet-print');
    await laptop.page.emulateMedia({ media: 'screen' });

    // The new person's phone, from the QR address.
    const phone = await newPhone();
    phones.push(phone);
    const { page, context } = phone;
    const activate = new ActivatePage(page);
    await page.goto(address);
    await activate.waitUntilShown();
    await expect.poll(() => activate.code().inputValue()).toBe(code);
    await screenshot(page, 'activate-empty');

    // A mistyped employee ID: refused in words, nothing created.
    await activate.fill(`${person.employeeId}X`, 'new-password-1');
    await activate.submit();
    await expect.poll(() => activate.error().innerText()).toContain('do not match');
    await screenshot(page, 'activate-error');
    const formViolations = blockingViolations(await runAxe(page));
    expect(formViolations, describeViolations(formViolations)).toEqual([]);

    // The right one. Signing in is held a moment so the done state can be seen.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await context.route(/\/auth\/v1\/token\?grant_type=password/, async (route) => {
      await held;
      await route.continue();
    });
    await activate.fill(person.employeeId, 'new-password-1');
    await activate.submit();
    await page.getByRole('status').filter({ hasText: 'Your account is ready' }).waitFor();
    await screenshot(page, 'activate-done');
    release();
    const today = new TodayPage(page);
    await today.waitForBriefing(title, 30_000);
    await expect.poll(() => page.evaluate(() => window.location.pathname)).toBe('/today');
    await expect
      .poll(async () => (await pool.query('select user_id from public.members where id = $1', [person.memberId])).rows[0]?.user_id)
      .toEqual(expect.any(String));
    await context.unroute(/\/auth\/v1\/token\?grant_type=password/);

    // Signed out, then in again with the employee ID (the company code is remembered).
    const account = new AccountPage(page);
    await account.open();
    await account.tapSignOut();
    const signIn = new SignInPage(page);
    await signIn.waitUntilShown();
    await page.getByLabel('Email or employee ID').fill(person.employeeId);
    await expect.poll(() => page.getByLabel(/Company code/).inputValue()).toBe('demo');
    await page.getByLabel('Password').fill('new-password-1');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await today.waitForBriefing(title, 30_000);
  });
});
