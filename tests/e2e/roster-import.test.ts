/**
 * Roster import in Chromium (#12 item 2). HR at 1280x800 picks the demo
 * organisation's sample roster: the dry run names its bad row (store code RVX),
 * the corrected file is picked, applied, the result report downloads, and the
 * new people are in Postgres. On a 390x844 phone the same screen shows a dry run
 * with a problem and a finished import without sideways scrolling. Screenshots
 * go to SCREENSHOT_DIR when it is set. The people it adds are deactivated
 * afterwards, so the demo organisation's other counts stay as they were.
 * Deactivating the people a file leaves out runs in an organisation of its own
 * (HR's scope is the whole organisation, and the demo one's people are other
 * files' sign-ins): the dry run only lists them, and only those HR ticks go.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { AdminPage } from './pages/admin-page';
import { SideNavPage } from './pages/side-nav-page';
import { SignInPage } from './pages/signin-page';
import { SyncStatus } from './pages/sync-status';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone, type Phone } from './support/browser';
import { DEMO_PASSWORD, SEED } from './support/demo-db';
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

async function signedIn(page: Page, email = 'hr@demo.test'): Promise<void> {
  const signIn = new SignInPage(page);
  await signIn.open(appUrl);
  await signIn.signIn(email);
  await new SyncStatus(page).waitForPhase('idle');
}

async function pick(page: Page, name: string, text: string): Promise<void> {
  await page.locator('#roster-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

const HEADER = 'employee_id,first_name,last_name,email,phone,store_code,department,role,language,manages_store_codes';

/**
 * An organisation of its own: one store (HBR), one department (Floor), an HR person who
 * can sign in, and four staff (R1 Ari Stone, R2 Bo Left, R3 Cy Left, R4 Di Stays).
 */
async function harbourOrg(): Promise<{ orgId: string; hrEmail: string; staff: Record<string, string> }> {
  const tag = randomUUID().slice(0, 8);
  const { rows: orgs } = await pool.query<{ id: string }>('insert into public.organizations (name) values ($1) returning id', [`Harbour ${tag}`]);
  const orgId = orgs[0]!.id;
  const { rows: stores } = await pool.query<{ id: string }>(
    `insert into public.stores (org_id, name, code, time_zone) values ($1, 'Harbour', 'HBR', 'Europe/London') returning id`,
    [orgId],
  );
  const { rows: depts } = await pool.query<{ id: string }>(`insert into public.departments (org_id, name) values ($1, 'Floor') returning id`, [orgId]);
  const hrEmail = `hr-${tag}@harbour.test`;
  const userId = randomUUID();
  await pool.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token, email_change, email_change_token_new)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
       extensions.crypt($3, extensions.gen_salt('bf', 4)), now(), '{"provider":"email","providers":["email"]}', '{}', now(), now(), '', '', '', '')`,
    [userId, hrEmail, DEMO_PASSWORD],
  );
  await pool.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1::text, $1::uuid, jsonb_build_object('sub', $1::text, 'email', $2::text), 'email', now(), now(), now())`,
    [userId, hrEmail],
  );
  await pool.query(`insert into public.members (user_id, org_id, role, display_name, email, employee_id) values ($1, $2, 'hr', 'Harbour HR', $3, 'R0')`, [
    userId,
    orgId,
    hrEmail,
  ]);
  const staff: Record<string, string> = {};
  for (const [employeeId, name] of [
    ['R1', 'Ari Stone'],
    ['R2', 'Bo Left'],
    ['R3', 'Cy Left'],
    ['R4', 'Di Stays'],
  ] as const) {
    const { rows } = await pool.query<{ id: string }>(
      `insert into public.members (org_id, store_id, department_id, role, display_name, employee_id) values ($1, $2, $3, 'staff', $4, $5) returning id`,
      [orgId, stores[0]!.id, depts[0]!.id, name, employeeId],
    );
    staff[employeeId] = rows[0]!.id;
  }
  return { orgId, hrEmail, staff };
}

async function activeIn(orgId: string): Promise<Record<string, boolean>> {
  const { rows } = await pool.query<{ employee_id: string; active: boolean }>(
    `select employee_id, active from public.members where org_id = $1 and role = 'staff' order by employee_id`,
    [orgId],
  );
  return Object.fromEntries(rows.map((r) => [r.employee_id, r.active]));
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
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
  it('HR at 1280x800: people missing from the file are only listed by the dry run; the ones HR ticks are deactivated, the others stay active', async () => {
    const org = await harbourOrg();
    phone = await newPhone(WIDE);
    const { page } = phone;
    await signedIn(page, org.hrEmail);
    await page.goto(`${appUrl}/roster-import`);
    await page.getByRole('heading', { name: 'Import a roster' }).waitFor({ timeout: 20_000 });

    // Ari stays in the file and Eve is new; Bo, Cy and Di are not in it.
    await pick(page, 'harbour.csv', `${HEADER}\r\nR1,Ari,Stone,,,HBR,Floor,staff,en,\r\nR5,Eve,New,,,HBR,Floor,staff,en,\r\n`);
    await expect.poll(() => counts(page)).toContain('3 people not in the file');
    await expect
      .poll(async () => (await page.getByTestId('roster-missing').locator('li').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim()))
      .toEqual(['Bo Left R2 · HBR', 'Cy Left R3 · HBR', 'Di Stays R4 · HBR']);
    await expect.poll(() => page.locator('.roster__plan').innerText()).toContain('They stay active unless you deactivate them after the import.');
    await screenshot(page, 'roster-import-missing-dry-run-wide', page.getByTestId('roster-missing'));
    await expectAccessible(page, 'roster dry run with people missing');
    expect(await activeIn(org.orgId)).toEqual({ R1: true, R2: true, R3: true, R4: true });

    // Applying the file adds Eve and deactivates nobody.
    await page.getByRole('button', { name: /^Import \d+ rows?$/ }).click();
    await expect.poll(() => page.getByTestId('roster-done').innerText()).toContain('1 person added');
    await expect.poll(() => activeIn(org.orgId)).toEqual({ R1: true, R2: true, R3: true, R4: true, R5: true });

    // Nobody is ticked at first; HR ticks Bo and Cy.
    const choices = page.getByTestId('roster-missing-choices');
    await expect
      .poll(() => choices.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked)))
      .toEqual([false, false, false]);
    await expect.poll(() => page.getByRole('button', { name: 'Deactivate the 0 people ticked' }).isDisabled()).toBe(true);
    await choices.getByRole('checkbox', { name: /Bo Left/ }).check();
    await choices.getByRole('checkbox', { name: /Cy Left/ }).check();
    await expect.poll(() => findOverflow(page)).toEqual([]);
    await screenshot(page, 'roster-import-missing-chosen-wide', choices);
    await expectAccessible(page, 'roster result with people to choose');
    await page.getByRole('button', { name: 'Deactivate the 2 people ticked' }).click();
    await expect.poll(() => page.getByRole('alertdialog').innerText()).toContain('Deactivate 2 people?');
    await page.getByRole('button', { name: 'Yes, deactivate' }).click();
    await expect.poll(() => page.getByTestId('roster-deactivated').innerText()).toBe('2 people deactivated');
    await expect.poll(() => activeIn(org.orgId)).toEqual({ R1: true, R2: false, R3: false, R4: true, R5: true });

    // People, filtered by status: Bo and Cy are deactivated, Di is still active.
    await page.goto(`${appUrl}/people`);
    const admin = new AdminPage(page);
    await admin.heading('People').waitFor({ timeout: 20_000 });
    await admin.field('Status').selectOption({ label: 'Deactivated' });
    await expect
      .poll(async () => (await admin.tableRows()).map((row) => [row[0], row.at(-1)]))
      .toEqual([
        ['Bo Left', 'Deactivated'],
        ['Cy Left', 'Deactivated'],
      ]);
    await screenshot(page, 'admin-people-deactivated-1280');
    await admin.field('Status').selectOption({ label: 'Active' });
    await expect.poll(async () => (await admin.tableRows()).map((row) => row[0])).toEqual(expect.arrayContaining(['Ari Stone', 'Di Stays', 'Eve New']));
    await expect.poll(async () => (await admin.tableRows()).map((row) => row[0]).filter((name) => name?.endsWith('Left'))).toEqual([]);
  });
});
