/**
 * A briefing in the reader's language (issue 13, point 7), end to end: Downtown's
 * manager (English) adds a Spanish version in the compose form; Sam, whose app is
 * in Spanish, sees the Spanish version on Today and on the briefing's screen,
 * switches to the English original and back with one tap, and acknowledges; the
 * acknowledgement records Spanish in Postgres and in HR's audit CSV. Screenshots
 * go to SCREENSHOT_DIR when it is set.
 */
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { AUDIT_EXPORT_COLUMNS } from '../../src/data/supabase/types';
import { parseCsv } from '../support/csv';
import { ComposePage } from './pages/compose-page';
import { InsightsPage } from './pages/insights-page';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { BriefingDb } from './support/briefing-db';
import { newPhone, type Phone } from './support/browser';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { screenshot } from './support/screenshot';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl, databaseUrl } = inject('e2e');
const MANAGER = 'manager.downtown@demo.test';
const HR = 'hr@demo.test';
const briefings = new BriefingDb();
const demo = new DemoDb();
const sql = new pg.Pool({ connectionString: databaseUrl, max: 1 });
const titles: string[] = [];
const phones: Phone[] = [];

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

async function signedIn(email: string): Promise<Page> {
  const phone = await newPhone();
  phones.push(phone);
  const signIn = new SignInPage(phone.page);
  await signIn.open(appUrl);
  await signIn.signIn(email);
  await waitForServiceWorker(phone.page);
  return phone.page;
}

describe("a briefing in the reader's language", () => {
  afterEach(async () => {
    await demo.setMemberLocale(SEED.samMember, 'en');
  });
  afterAll(async () => {
    for (const phone of phones) await phone.close();
    await briefings.close(titles);
    await demo.close();
    await sql.end();
  });

  it('a manager adds a Spanish version; Sam reads it in Spanish, switches to the original and back, acknowledges; HR sees es', async () => {
    const english = uniqueTitle('Freezer door');
    const spanish = uniqueTitle('Puerta del congelador');
    titles.push(english);

    // The manager writes in English and adds the Spanish version from the folded section.
    const manager = await signedIn(MANAGER);
    const compose = new ComposePage(manager);
    await compose.open();
    await compose.status.waitForPhase('idle');
    await compose.startNew();
    await compose.fill({ title: english, body: 'Close the **freezer door** after every trip.', ackDue: await dueTomorrow(manager) });
    await compose.addTranslation(spanish, 'Cierra la **puerta del congelador** después de cada viaje.');
    await screenshot(manager, 'languages-compose-spanish-version', manager.getByLabel('Text in Spanish', { exact: true }));
    await expectAccessible(manager, 'compose with a Spanish version');
    await compose.preview();
    await compose.send();
    await expect.poll(() => compose.sendState(english), { timeout: 20_000 }).toBe('Sent (version 1)');
    const [sent] = await briefings.titled(english);
    const [saved] = (await sql.query('select language, translation_language, translation_title from public.briefings where id = $1', [sent!.id])).rows;
    expect(saved).toEqual({ language: 'en', translation_language: 'es', translation_title: spanish });

    // Sam's app is in Spanish: Today shows the Spanish version.
    await demo.setMemberLocale(SEED.samMember, 'es');
    const sam = await signedIn(DEMO.sam);
    const today = new TodayPage(sam, 'es');
    await today.waitForBriefing(spanish, 20_000);
    expect(await today.isListed(english)).toBe(false);
    await expect.poll(() => today.briefing(spanish).locator('.preview').innerText()).toContain('Cierra la puerta del congelador');
    await screenshot(sam, 'languages-today-spanish', today.briefing(spanish));

    // Its own screen: one tap to the English original, one tap back.
    await today.openBriefing(spanish);
    await expect.poll(() => today.languageSwitch(spanish)).toBe('Ver original (inglés)');
    await screenshot(sam, 'languages-briefing-spanish');
    await expectAccessible(sam, 'briefing in Spanish');
    await today.switchLanguage(spanish, english);
    await expect.poll(() => today.briefing(english).locator('.body').innerText()).toContain('Close the freezer door');
    await expect.poll(() => today.languageSwitch(english)).toBe('Ver en español');
    await expect.poll(() => today.briefing(english).locator('.language-switch').getAttribute('lang')).toBe('es');
    await screenshot(sam, 'languages-briefing-original');
    await expectAccessible(sam, 'briefing original');
    await today.switchLanguage(english, spanish);
    await today.acknowledge(spanish);
    await expect
      .poll(
        async () =>
          (await sql.query('select language from public.acknowledgements where briefing_id = $1 and member_id = $2', [sent!.id, SEED.samMember])).rows,
        {
          timeout: 20_000,
        },
      )
      .toEqual([{ language: 'es' }]);

    // HR's audit CSV says the acknowledgement was read in Spanish.
    const hr = await signedIn(HR);
    const insights = new InsightsPage(hr);
    await insights.open();
    const csv = await insights.exportToFile({ from: await yesterday(hr) });
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    const col = (name: (typeof AUDIT_EXPORT_COLUMNS)[number]) => header!.indexOf(name);
    const samRows = rows.filter((r) => r[col('briefing')] === english && r[col('employee_email')] === DEMO.sam);
    expect(samRows.map((r) => r[col('language')])).toEqual(['es']);

    // The manager fixes only the Spanish: a new version (the Spanish read is no longer what is there), and Sam is
    // asked again with what changed shown in Spanish.
    await compose.edit(english);
    await compose.addTranslation(spanish, 'Cierra la **puerta del congelador** al salir.');
    await compose.preview();
    await compose.send();
    await expect.poll(() => compose.sendState(english), { timeout: 20_000 }).toBe('Sent (version 2)');
    await sam.reload();
    await expect.poll(() => today.askedAgainNote(spanish), { timeout: 20_000 }).not.toBe('');
    await expect
      .poll(() => today.changes(spanish))
      .toEqual({ removed: ['Cierra la puerta del congelador después de cada viaje.'], added: ['Cierra la puerta del congelador al salir.'] });
    await screenshot(sam, 'languages-briefing-changed-spanish');
  });
});

/** Tomorrow at 09:30 on the phone's clock, as its datetime-local input takes it. */
function dueTomorrow(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date(Date.now() + 24 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:30`;
  });
}

/** Yesterday as YYYY-MM-DD on the phone's clock: the export's "from", so the file holds this test's acknowledgement and little else. */
function yesterday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date(Date.now() - 24 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
}
