/**
 * UI text in English and Spanish: before sign-in the phone's language, then the
 * member's (from the account), and a switch on the Account screen that applies
 * at once, works offline, survives a reload and reaches the account when the
 * network is back. Layouts hold at 390x844 in Spanish and with every word 40%
 * longer (a pseudo-locale); screenshots go to SCREENSHOT_DIR when it is set.
 */
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { AccountPage } from './pages/account-page';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { newPhone, type Phone } from './support/browser';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { findOverflow, pseudoLocalize } from './support/layout';
import { screenshot } from './support/screenshot';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl } = inject('e2e');
const db = new DemoDb();

const LONG_BODY = [
  '## Antes de abrir / Before opening',
  '- **Comprueba** las salidas de emergencia y los extintores de la planta baja',
  '- Revisa la cartelería de la campaña de temporada: https://intranet.example.test/campañas/temporada-de-invierno-2026/cartelería',
  '',
  'Gracias por vuestra colaboración. Cualquier duda, habla con tu responsable de tienda.',
].join('\n');

describe('UI language', () => {
  let phone: Phone | undefined;
  afterEach(async () => {
    await phone?.close();
    phone = undefined;
    await db.setMemberLocale(SEED.samMember, 'en');
  });
  afterAll(async () => {
    await db.close();
  });

  it("shows sign-in in the phone's language, then the member's language from the account", async () => {
    phone = await newPhone({ locale: 'es-ES' });
    const { page } = phone;
    const signInEs = new SignInPage(page, 'es');
    await signInEs.open(appUrl);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es');
    await page.getByText('Tus comunicados de turno').waitFor();

    // sam's account says English: once the first sync brings it, the app speaks English.
    await signInEs.signIn(DEMO.sam);
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('switches on the Account screen at once, offline too, keeps the choice through a reload and saves it to the account', async () => {
    phone = await newPhone();
    const { context, page } = phone;
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(DEMO.sam);
    await waitForServiceWorker(page);
    const today = new TodayPage(page);
    await today.status.waitForPhase('idle');
    const accountEn = new AccountPage(page);
    const accountEs = new AccountPage(page, 'es');
    await accountEn.open();
    await expect.poll(() => accountEn.language.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);

    await context.setOffline(true);
    await accountEn.chooseLanguage('Español');
    await page.getByRole('heading', { level: 1, name: 'Cuenta' }).waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es');
    await expect.poll(() => today.status.text()).toContain('Sin conexión');
    await page.getByText('Guardado en este teléfono').waitFor();

    await page.reload();
    await new TodayPage(page, 'es').open();
    await accountEs.open();
    await expect.poll(() => accountEs.language.getByRole('radio', { name: 'Español' }).isChecked()).toBe(true);

    await context.setOffline(false);
    await expect.poll(() => db.memberLocale(SEED.samMember), { timeout: 15_000 }).toBe('es');
    await page.getByText('Guardado en este teléfono').waitFor({ state: 'detached', timeout: 15_000 });
    // Once a sync shows the account has it, the phone forgets its own copy of the choice.
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('frontline:locale:'))), { timeout: 15_000 }).toEqual([]);

    await accountEs.chooseLanguage('English');
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await expect.poll(() => db.memberLocale(SEED.samMember), { timeout: 15_000 }).toBe('en');
  });

  it('holds its layout at 390x844 in Spanish and with 40% longer text, on sign-in, Today (with the sign-out warning) and Account', async () => {
    for (const [locale, pseudo] of [
      ['en', true],
      ['es', false],
    ] as const) {
      // One per round: the first round acknowledges its own.
      const title = uniqueTitle('Revisión de seguridad y cartelería de temporada en la planta baja');
      await db.createBriefings([{ title, body: LONG_BODY, requiresAck: true }]);
      if (locale === 'es') await db.setMemberLocale(SEED.samMember, 'es');
      phone = await newPhone({ locale: locale === 'es' ? 'es-ES' : 'en-US' });
      const { context, page } = phone;
      const name = `${locale}${pseudo ? '-pseudo' : ''}`;
      const check = async (screen: string, showing?: Locator) => {
        const target = await showing?.elementHandle(); // found before the pseudo-locale rewrites its text
        if (pseudo) await pseudoLocalize(page);
        await target?.evaluate((el) => el.scrollIntoView({ block: 'end' }));
        await screenshot(page, `${name}-${screen}`);
        await expect.poll(async () => ({ screen, overflow: await findOverflow(page) })).toEqual({ screen, overflow: [] });
      };

      const signIn = new SignInPage(page, locale);
      await signIn.open(appUrl);
      await check('signin');
      await page.reload();
      await signIn.open(appUrl);
      await signIn.signIn(DEMO.sam);
      const today = new TodayPage(page, locale);
      await today.waitForBriefing(title);
      await today.status.waitForPhase('idle');
      await page.getByRole('navigation', { name: locale === 'es' ? 'Principal' : 'Main' }).waitFor();
      await check('today', today.briefing(title));

      await page.reload();
      const account = new AccountPage(page, locale);
      await today.waitForBriefing(title);
      await account.open();
      await check('account');

      // An unsent acknowledgement makes sign-out warn: the longest buttons on the phone.
      // A reload keeps the place (Account), so Today is opened from the bar.
      await page.reload();
      await today.open();
      await today.waitForBriefing(title);
      await expect
        .poll(() => page.getByTestId('today-counter').innerText())
        .toMatch(locale === 'es' ? /^Te quedan? \d+ por confirmar hoy$/ : /^\d+ left to acknowledge today$/);
      await context.setOffline(true);
      await today.acknowledge(title);
      // Said in the reader's language: acknowledged, and still on the phone rather than sent.
      await expect
        .poll(() => today.confirmation(title))
        .toBe(locale === 'es' ? 'Confirmado · Guardado en este teléfono, se enviará' : 'Acknowledged · Saved on this phone, will send');
      await account.open();
      await account.tapSignOut();
      await account.signOutWarning.waitFor();
      await check('signout-warning', account.signOutWarning);
      await context.setOffline(false);
      await today.status.waitForWaiting(0);

      await phone.close();
      phone = undefined;
    }
  });
});
