/**
 * An axe-core scan of each screen a phone shows (sign-in, Today, Account) at
 * 390x844, in English and in Spanish: no serious or critical violation of the
 * WCAG 2.x A/AA rules or axe's best practices. Findings print as readable lines.
 */
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { AccountPage } from './pages/account-page';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import type { UiLocale } from './pages/ui-text';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone, type Phone } from './support/browser';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import type { Page } from 'playwright-core';

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
    await db.createBriefings([{
      title,
      body: '## Checklist\n- **Doors** clear\n- See the [fire policy](https://intranet.example.test/fire)\n\n1. Tills\n2. Lights',
      requiresAck: true,
    }]);
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
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    await expectAccessible(page, `${locale} Today`);

    const account = new AccountPage(page, locale);
    await account.open();
    await expectAccessible(page, `${locale} Account`);
  });
});
