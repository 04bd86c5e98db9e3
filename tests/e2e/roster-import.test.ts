/**
 * Roster import in Chromium (#12 item 2). HR at 1280x800 picks the demo
 * organisation's sample roster: the dry run names its bad row (store code RVX),
 * the corrected file is picked, applied, the result report downloads, and the
 * new people are in Postgres. On a 390x844 phone the same screen shows a dry run
 * with a problem and a finished import without sideways scrolling. Screenshots
 * go to SCREENSHOT_DIR when it is set. The people it adds are deactivated
 * afterwards, so the demo organisation's other counts stay as they were.
 */
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { SideNavPage } from './pages/side-nav-page';
import { SignInPage } from './pages/signin-page';
import { SyncStatus } from './pages/sync-status';
import { newPhone, type Phone } from './support/browser';
import { SEED } from './support/demo-db';
import { findOverflow } from './support/layout';
import { screenshot } from './support/screenshot';

const { appUrl, databaseUrl } = inject('e2e');
const WIDE = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 } as const;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const NEW_IDS = ['E1007', 'E1008', 'E1009', 'E1010', 'E1011', 'E1012'];

async function people(ids: readonly string[]): Promise<Record<string, { store: string | null; active: boolean; name: string }>> {
  const { rows } = await pool.query<{ employee_id: string; store: string | null; active: boolean; display_name: string }>(
    `select m.employee_id, s.code as store, m.active, m.display_name from public.members m left join public.stores s on s.id = m.store_id
     where m.org_id = $1 and m.employee_id = any ($2)`,
    [SEED.org, ids],
  );
  return Object.fromEntries(rows.map((r) => [r.employee_id, { store: r.store, active: r.active, name: r.display_name }]));
}

async function signedIn(page: Page): Promise<void> {
  const signIn = new SignInPage(page);
  await signIn.open(appUrl);
  await signIn.signIn('hr@demo.test');
  await new SyncStatus(page).waitForPhase('idle');
}

async function pick(page: Page, name: string, text: string): Promise<void> {
  await page.locator('#roster-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

const counts = (page: Page) => page.getByTestId('roster-counts').innerText();
const problems = (page: Page) =>
  page.locator('[data-testid="roster-problems"] tbody tr').evaluateAll((rows) => rows.map((r) => [r.children[0]?.textContent, r.getAttribute('data-problem')]));

describe('roster import', () => {
  let phone: Phone | undefined;
  afterEach(async () => {
    await phone?.close();
    phone = undefined;
  });
  afterAll(async () => {
    await pool.query(`update public.members set active = false where org_id = $1 and employee_id = any ($2)`, [SEED.org, NEW_IDS]);
    await pool.end();
  });

  it('HR at 1280x800: the dry run names the bad row, the fixed file is applied, the report downloads, the people exist', async () => {
    const sample = await readFile(new URL('../../docs/samples/roster-demo.csv', import.meta.url), 'utf8');
    expect(sample).toContain(',RVX,');
    phone = await newPhone(WIDE);
    const { page } = phone;
    await signedIn(page);
    await new SideNavPage(page).link('Import roster').click();
    await page.getByRole('heading', { name: 'Import a roster' }).waitFor();

    await pick(page, 'roster-demo.csv', sample);
    await expect.poll(() => counts(page)).toContain('1 row with a problem');
    await expect.poll(() => counts(page)).toContain('4 people to add');
    await expect.poll(() => problems(page)).toEqual([['12', 'unknown_store']]);
    await expect.poll(() => page.getByTestId('roster-problems').innerText()).toContain('Unknown store code');
    await expect.poll(() => findOverflow(page)).toEqual([]);
    await screenshot(page, 'roster-import-dry-run-wide');
    expect(await people(NEW_IDS)).toEqual({});

    // HR fixes the typo in the file and picks it again.
    await pick(page, 'roster-demo.csv', sample.replace(',RVX,', ',RVS,'));
    await expect.poll(() => counts(page)).toContain('0 rows with a problem');
    await expect.poll(() => counts(page)).toContain('5 people to add');
    await page.getByRole('button', { name: 'Import 5 rows' }).click();
    await page.getByTestId('roster-done').waitFor();
    await expect.poll(() => page.getByTestId('roster-done').innerText()).toContain('5 people added');
    await screenshot(page, 'roster-import-done-wide');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roster-report').click()]);
    const report = await readFile((await download.path())!, 'utf8');
    expect(report.split('\r\n')[0]).toBe('row,employee_id,outcome,problem');
    expect(report).toContain('12,E1011,added,');
    expect(report).toContain('2,E1001,unchanged,');

    await expect
      .poll(() => people(NEW_IDS))
      .toEqual({
        E1007: { store: 'DTN', active: true, name: 'Jordan Lee' },
        E1008: { store: 'DTN', active: true, name: 'Lucía Fernández' },
        E1009: { store: 'RVS', active: true, name: "Morgan O'Brien" },
        E1010: { store: 'RVS', active: true, name: 'Priya Nair' },
        E1011: { store: 'RVS', active: true, name: 'Taylor Brooks' },
      });
  });

  it('on a 390x844 phone: a dry run with a problem and a finished import fit the screen', async () => {
    const sample = await readFile(new URL('../../docs/samples/roster-demo.csv', import.meta.url), 'utf8');
    phone = await newPhone();
    const { page } = phone;
    await signedIn(page);
    await page.goto(`${appUrl}/roster-import`);
    await page.getByRole('heading', { name: 'Import a roster' }).waitFor();
    await pick(page, 'roster-demo.csv', sample.replace(',RVX,', ',XX9,'));
    await expect.poll(() => problems(page)).toEqual([['12', 'unknown_store']]);
    await expect.poll(() => findOverflow(page)).toEqual([]);
    await screenshot(page, 'roster-import-dry-run-phone', page.getByTestId('roster-counts'));

    await pick(page, 'roster-demo.csv', `${sample}E1012,Sky,Park,,,DTN,Checkout,staff,en,\r\n`);
    await page.getByRole('button', { name: /^Import \d+ rows?$/ }).click();
    await expect.poll(() => page.getByTestId('roster-done').innerText()).toContain('1 person added');
    await expect.poll(() => findOverflow(page)).toEqual([]);
    await screenshot(page, 'roster-import-done-phone');
    await expect.poll(async () => (await people(['E1012'])).E1012?.store).toBe('DTN');
  });
});
