/**
 * An axe-core scan of the shell's screens (sign-in, Today, Account, and the
 * More list managers and HR get) at 390x844, in English and in Spanish (each
 * feature's own screens are scanned in its own test file): no serious or critical violation of the
 * WCAG 2.x A/AA rules or axe's best practices. Findings print as readable lines.
 */

import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { AccountPage } from './pages/account-page';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import type { UiLocale } from './pages/ui-text';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone, type Phone } from './support/browser';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';

const { appUrl } = inject('e2e');
const db = new DemoDb();

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

describe('accessibility (axe-core)', () => {
  let phone: Phone | undefined;
  afterEach(async () => {
    await phone?.close();
    phone = undefined;
    await db.setMemberLocale(SEED.samMember, 'en');
  });
  afterAll(async () => {
    await db.close();
  });

  it.each<UiLocale>(['en', 'es'])('sign-in, Today and Account have no serious or critical violations (%s)', async (locale) => {
    const title = uniqueTitle('A11y: **bold** rules, links and lists');
    await db.createBriefings([
      {
        title,
        body: '## Checklist\n- **Doors** clear\n- See the [fire policy](https://intranet.example.test/fire)\n\n1. Tills\n2. Lights',
        requiresAck: true,
      },
    ]);
    await db.setMemberLocale(SEED.samMember, locale);
    phone = await newPhone({ locale: locale === 'es' ? 'es-ES' : 'en-US' });
    const { page } = phone;

    const signIn = new SignInPage(page, locale);
    await signIn.open(appUrl);
    await expectAccessible(page, `${locale} sign-in`);

    await signIn.signIn(DEMO.sam);
    const today = new TodayPage(page, locale);
    await today.waitForBriefing(title);
    await today.status.waitForPhase('idle');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
    await expectAccessible(page, `${locale} Today`);

    const account = new AccountPage(page, locale);
    await account.open();
    await expectAccessible(page, `${locale} Account`);
  });

  it('the More list managers and HR get, and Account reached through it, have no serious or critical violations', async () => {
    phone = await newPhone();
    const { page } = phone;
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn('hr@demo.test');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'More', exact: true }).click({ timeout: 20_000 });
    await page.getByRole('heading', { level: 1, name: 'More' }).waitFor();
    await expect
      .poll(() => page.getByRole('main').getByRole('button').allInnerTexts())
      .toEqual(['Values', 'Learn', 'Import roster', 'People', 'Stores', 'Departments', 'Admin log', 'Account']);
    await expect.poll(() => nav.getByRole('button', { name: 'More', exact: true }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page, 'More');

    await new AccountPage(page).open();
    // Reached through More, the bar still says where the person is.
    await expect.poll(() => nav.getByRole('button', { name: 'More', exact: true }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page, 'Account through More');
  });
});
