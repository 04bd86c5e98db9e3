/**
 * A leaver at the sign-in screen (issue 12): with their right password, a deactivated
 * person is refused by the access token hook and the screen says why in plain words;
 * once the account is opened again, the same sign-in gets them in.
 */
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { DEMO_PASSWORD } from './support/demo-db';
import { PeopleDb } from './support/people-db';
import { phonePerTest } from './support/phone-per-test';
import { screenshot } from './support/screenshot';

const { appUrl, databaseUrl } = inject('e2e');
const people = new PeopleDb();
const db = new pg.Pool({ connectionString: databaseUrl, max: 1 });

describe('signing in to a closed account', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await people.close();
    await db.end();
  });

  it('says the account was closed and to ask the manager, then lets them in once reactivated', { timeout: 60_000 }, async () => {
    const leaver = await people.createPerson('closed-sign-in');
    await people.deactivate(leaver.memberId);
    const { page } = phone();
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);

    await page.getByLabel('Email or employee ID').fill(leaver.email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('This account was closed. Ask your manager.');
    await screenshot(page, 'sign-in-account-closed');

    await db.query('update public.members set active = true where id = $1', [leaver.memberId]);
    await signIn.signIn(leaver.email);
  });
});
