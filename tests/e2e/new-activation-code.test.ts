/**
 * A forgotten password, reset with a new activation code (#12 item 3), in Chromium. A
 * Downtown staff member already has a login. Their manager, on a 390x844 phone, presses
 * "New activation code" on their person screen; HR, at 1280x800, presses it again for
 * them. The admin log shows both (who made it, for whom, when), never a code. On the
 * person's own phone the first code is refused; the second, from its /activate?code=
 * address, sets a new password and lands on Today with their store's briefing; the old
 * password no longer opens the login and a used code cannot be used twice.
 * Screenshots of the person screen with a code shown at both sizes go to SCREENSHOT_DIR.
 */
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ActivatePage } from './pages/activation-pages';
import { AdminPage } from './pages/admin-page';
import { SignInPage } from './pages/signin-page';
import { SyncStatus } from './pages/sync-status';
import { TodayPage } from './pages/today-page';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone, type Phone } from './support/browser';
import { DEMO_PASSWORD, SEED, uniqueTitle } from './support/demo-db';
import { findOverflow } from './support/layout';
import { PeopleDb } from './support/people-db';
import { screenshot } from './support/screenshot';

const { appUrl, databaseUrl } = inject('e2e');
const WIDE = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 } as const;
const CODE = /^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;
const NEW_PASSWORD = 'a-new-password-7';
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const people = new PeopleDb();
const phones: Phone[] = [];

afterAll(async () => {
  await Promise.all(phones.map((phone) => phone.close()));
  await people.close();
  await pool.end();
});

async function opened(options?: Parameters<typeof newPhone>[0]): Promise<Page> {
  const phone = await newPhone(options);
  phones.push(phone);
  return phone.page;
}

async function signedIn(page: Page, email: string, password?: string): Promise<void> {
  const signIn = new SignInPage(page);
  await signIn.open(appUrl);
  await signIn.signIn(email, password);
  await new SyncStatus(page).waitForPhase('idle');
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

/** Whether the login's stored password hash is that of `password`. */
async function passwordIs(userId: string, password: string): Promise<boolean> {
  const { rows } = await pool.query<{ same: boolean }>(
    'select encrypted_password = extensions.crypt($2, encrypted_password) as same from auth.users where id = $1',
    [userId, password],
  );
  return rows[0]?.same ?? false;
}

async function nameOf(email: string): Promise<string> {
  const { rows } = await pool.query<{ display_name: string }>('select display_name from public.members where org_id = $1 and email = $2', [SEED.org, email]);
  return rows[0]!.display_name;
}

describe('new activation code', () => {
  it('a manager and then HR make a new code for someone who forgot their password; the log shows who and when, the first code stops working, the second sets a new password', {
    timeout: 150_000,
  }, async () => {
    const person = await people.createPerson('forgot');
    const employeeId = `F${person.memberId.slice(0, 6).toUpperCase()}`;
    await pool.query('update public.members set employee_id = $2 where id = $1', [person.memberId, employeeId]);
    const name = `E2E forgot`;
    const title = uniqueTitle('New code: Downtown stocktake');
    await people.briefingTo(SEED.downtown, title);

    // The manager's phone: the person screen, a code in large characters.
    const managerPage = await opened();
    await signedIn(managerPage, 'manager.downtown@demo.test');
    await managerPage.goto(`${appUrl}/people/${person.memberId}`);
    const manager = new AdminPage(managerPage);
    await manager.heading(`Edit ${name}`).waitFor({ timeout: 20_000 });
    const first = await manager.newActivationCode();
    expect(first).toMatch(CODE);
    await expect.poll(() => manager.issuedCode.innerText()).toContain(`Employee ID: ${employeeId}`);
    await expect.poll(() => manager.issuedCode.innerText()).toContain(`${new URL(appUrl).origin}/activate`);
    await expect.poll(() => findOverflow(managerPage)).toEqual([]);
    await screenshot(managerPage, 'admin-person-code-390', manager.issuedCode);
    await expectAccessible(managerPage, 'person with a code 390');

    // HR at a desk makes another: the manager's stops working.
    const hrPage = await opened(WIDE);
    await signedIn(hrPage, 'hr@demo.test');
    await hrPage.goto(`${appUrl}/people/${person.memberId}`);
    const hr = new AdminPage(hrPage);
    await hr.heading(`Edit ${name}`).waitFor({ timeout: 20_000 });
    const second = await hr.newActivationCode();
    expect(second).toMatch(CODE);
    expect(second).not.toBe(first);
    await screenshot(hrPage, 'admin-person-code-1280', hr.issuedCode);
    await expectAccessible(hrPage, 'person with a code 1280');

    // The admin log: two codes made for the person, by whom and when, and neither code in it.
    await hrPage.goto(`${appUrl}/admin-log`);
    await hr.heading('Admin log').waitFor({ timeout: 20_000 });
    const forPerson = async () => (await hr.logEntries()).filter((e) => e.startsWith(`Activation code made: ${name}`));
    await expect.poll(async () => (await forPerson()).length).toBe(2);
    const [hrEntry, managerEntry] = await forPerson();
    expect(hrEntry).toContain(`by ${await nameOf('hr@demo.test')}`);
    expect(hrEntry).toContain('An earlier code stopped working: Yes');
    expect(managerEntry).toContain('An earlier code stopped working: No');
    expect(managerEntry).toContain(`by ${await nameOf('manager.downtown@demo.test')}`);
    expect(managerEntry).toContain('Had signed in before: Yes');
    const times = hr.log.locator(':scope > li', { hasText: `Activation code made: ${name}` }).locator('time');
    await expect
      .poll(() => times.evaluateAll((els) => els.map((el) => Date.now() - Date.parse(el.getAttribute('datetime') ?? ''))))
      .toEqual([expect.any(Number), expect.any(Number)]);
    for (const age of await times.evaluateAll((els) => els.map((el) => Date.now() - Date.parse(el.getAttribute('datetime') ?? '')))) {
      expect(age).toBeGreaterThanOrEqual(-60_000);
      expect(age).toBeLessThan(5 * 60_000);
    }
    const logText = await hr.log.innerText();
    for (const code of [first, second]) {
      expect(logText).not.toContain(code);
      expect(logText).not.toContain(code.replaceAll('-', ''));
    }
    await screenshot(hrPage, 'admin-log-codes-1280');
    await expectAccessible(hrPage, 'admin log with codes 1280');

    // The person's own phone, signed out: the manager's code is refused.
    const own = await opened();
    const activate = new ActivatePage(own);
    await own.goto(`${appUrl}/activate?code=${first}`);
    await activate.waitUntilShown();
    await expect.poll(() => activate.code().inputValue()).toBe(first);
    await activate.fill(employeeId, NEW_PASSWORD);
    await activate.submit();
    await expect.poll(() => activate.error().innerText()).toContain('do not match');
    await expect.poll(() => passwordIs(person.userId, DEMO_PASSWORD)).toBe(true);

    // HR's code, from its address: a new password, and Today with the store's briefing.
    await own.goto(`${appUrl}/activate?code=${second}`);
    await activate.waitUntilShown();
    await expect.poll(() => activate.code().inputValue()).toBe(second);
    await activate.fill(employeeId, NEW_PASSWORD);
    await activate.submit();
    await new TodayPage(own).waitForBriefing(title, 30_000);
    await expect.poll(() => passwordIs(person.userId, NEW_PASSWORD)).toBe(true);
    expect(await passwordIs(person.userId, DEMO_PASSWORD)).toBe(false);
    await expect
      .poll(async () =>
        (await pool.query('select action from private.admin_audit where target_member_id = $1 order by at, id', [person.memberId])).rows.map((r) => r.action),
      )
      .toEqual(['activation_code_issued', 'activation_code_issued', 'person_activated']);

    // The old password no longer signs in; the used code cannot be used again.
    const other = await opened();
    await other.goto(appUrl);
    await other.getByLabel('Email or employee ID').fill(person.email);
    await other.getByLabel('Password').fill(DEMO_PASSWORD);
    await other.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => other.getByRole('alert').innerText()).not.toBe('');
    expect(await other.locator('nav.tabbar:visible, nav.sidenav:visible').count()).toBe(0);
    await other.goto(`${appUrl}/activate?code=${second}`);
    const again = new ActivatePage(other);
    await again.waitUntilShown();
    await again.fill(employeeId, 'yet-another-password-9');
    await again.submit();
    await expect.poll(() => again.error().innerText()).toContain('already used');
    await expect.poll(() => passwordIs(person.userId, NEW_PASSWORD)).toBe(true);
  });
});
