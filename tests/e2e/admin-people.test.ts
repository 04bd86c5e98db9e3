/**
 * The admin screens in Chromium (#12 items 1 and 5). HR at 1280x800 adds a person,
 * finds them by search, moves them to Riverside and deactivates them: Postgres holds
 * each change and the admin log lists them, and its CSV export carries them. A
 * Downtown manager on a 390x844 phone sees Downtown's people only and is offered
 * the staff role and their own store only. axe at both sizes; screenshots of every
 * admin screen at both sizes go to SCREENSHOT_DIR when it is set.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { AdminPage } from './pages/admin-page';
import { SideNavPage } from './pages/side-nav-page';
import { SignInPage } from './pages/signin-page';
import { SyncStatus } from './pages/sync-status';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone, type Phone } from './support/browser';
import { SEED } from './support/demo-db';
import { findOverflow } from './support/layout';
import { RIVERSIDE } from './support/people-db';
import { screenshot } from './support/screenshot';

const { appUrl, databaseUrl } = inject('e2e');
const WIDE = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 } as const;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

/** Overflow but for text kept for screen readers only (.visually-hidden clips on purpose). */
const overflow = async (page: Page) => (await findOverflow(page)).filter((o) => !o.element.includes('.visually-hidden'));

async function member(employeeId: string): Promise<{ id: string; store_id: string | null; active: boolean; display_name: string } | null> {
  const { rows } = await pool.query('select id, store_id, active, display_name from public.members where org_id = $1 and lower(employee_id) = lower($2)', [
    SEED.org,
    employeeId,
  ]);
  return rows[0] ?? null;
}

async function auditActions(memberId: string): Promise<string[]> {
  const { rows } = await pool.query<{ action: string }>('select action from private.admin_audit where target_member_id = $1 order by at, id', [memberId]);
  return rows.map((r) => r.action);
}

async function signedIn(page: Page, email: string): Promise<void> {
  const signIn = new SignInPage(page);
  await signIn.open(appUrl);
  await signIn.signIn(email);
  await new SyncStatus(page).waitForPhase('idle');
}

describe('admin screens', () => {
  let phone: Phone | undefined;
  afterEach(async () => {
    await phone?.close();
    phone = undefined;
  });
  afterAll(async () => {
    await pool.end();
  });

  it('HR at 1280x800 adds, finds, moves and deactivates a person; the log lists it and exports it', async () => {
    phone = await newPhone(WIDE);
    const { page } = phone;
    await signedIn(page, 'hr@demo.test');
    const side = new SideNavPage(page);
    const admin = new AdminPage(page);
    const tag = randomUUID().slice(0, 6).toUpperCase();
    const name = `Lee Admin ${tag}`;
    const employeeId = `T-${tag}`;

    // Under Manage, in the table's order.
    const mine = ['People', 'Stores', 'Departments', 'Admin log'];
    await expect.poll(async () => (await side.groups()).find((g) => g.group === 'Manage')?.links.filter((l) => mine.includes(l))).toEqual(mine);
    await side.link('People').click();
    await admin.heading('People').waitFor();
    await expect.poll(async () => (await admin.tableRows()).length).toBeGreaterThan(3);
    await expect.poll(() => overflow(page)).toEqual([]);
    await expect.poll(() => admin.table.locator('thead th').allInnerTexts()).toEqual(['NAME', 'EMPLOYEE ID', 'STORE', 'DEPARTMENT', 'ROLE', 'STATUS']);
    await screenshot(page, 'admin-people-1280');
    await expectAccessible(page, 'People 1280');

    // Add: a field the server would refuse is named beside the field before anything is sent.
    await page.getByRole('button', { name: 'Add a person' }).click();
    await admin.heading('Add a person').waitFor();
    await expect.poll(() => side.current()).toBe('People');
    await admin.field('Name').fill(name);
    await admin.field('Employee ID').fill('-bad');
    await admin.field('Email (optional)').fill(`lee.${tag.toLowerCase()}@shop.example`);
    await admin.field('Store').selectOption({ label: 'Downtown' });
    await admin.field('Department').selectOption({ label: 'Checkout' });
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => admin.field('Employee ID').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.locator('#person-employeeId-error').innerText()).toBe('Use letters and digits; . _ / - only between them.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('person-employeeId');
    await screenshot(page, 'admin-person-form-1280');
    await expectAccessible(page, 'person form 1280');
    await admin.field('Employee ID').fill(employeeId);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => admin.saved.innerText()).toBe('Saved.');
    await admin.heading(`Edit ${name}`).waitFor();
    await expect.poll(() => member(employeeId)).toMatchObject({ display_name: name, store_id: SEED.downtown, active: true });
    const created = (await member(employeeId))!;
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/people/${created.id}`);

    // Find them by search: the list narrows to them, not activated yet.
    await side.link('People').click();
    await admin.search.fill(employeeId.toLowerCase());
    await expect.poll(() => admin.tableRows()).toEqual([[name, employeeId, 'Downtown', 'Checkout', 'Staff', 'Not activated yet']]);
    await admin.table.getByRole('link', { name }).click();
    await admin.heading(`Edit ${name}`).waitFor();

    // Move them to Riverside.
    await admin.field('Store').selectOption({ label: 'Riverside' });
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => admin.saved.innerText()).toBe('Saved.');
    await expect.poll(async () => (await member(employeeId))?.store_id).toBe(RIVERSIDE);

    // Deactivate, after being told what it does.
    await page.getByRole('button', { name: 'Deactivate…' }).click();
    await expect.poll(() => page.locator('.admin-active__what').innerText()).toContain('ends their sessions at once');
    await expect.poll(() => page.locator('.admin-active__what').innerText()).toContain('acknowledgements stay');
    await admin.field('Reason (optional, kept in the admin log)').fill('Left the company');
    await screenshot(page, 'admin-person-deactivate-1280');
    await expectAccessible(page, 'deactivate 1280');
    await page.getByRole('button', { name: `Deactivate ${name}` }).click();
    await expect.poll(() => page.getByTestId('person-active-done').innerText()).toBe(`${name} is deactivated.`);
    await expect.poll(async () => (await member(employeeId))?.active).toBe(false);
    await expect.poll(() => auditActions(created.id)).toEqual(['person_created', 'person_updated', 'person_deactivated']);

    // The admin log lists the three changes, newest first, with the reason.
    await side.link('Admin log').click();
    await admin.heading('Admin log').waitFor();
    await expect
      .poll(async () => (await admin.logEntries()).filter((e) => e.includes(name)).map((e) => e.split(':')[0]))
      .toEqual(['Person deactivated', 'Person changed', 'Person added']);
    await expect
      .poll(async () => (await admin.logEntries()).find((e) => e.startsWith(`Person deactivated: ${name}`)))
      .toContain('Status: from Active to Deactivated');
    await expect.poll(async () => (await admin.logEntries()).find((e) => e.startsWith(`Person deactivated: ${name}`))).toContain('Reason: Left the company');
    await expect.poll(async () => (await admin.logEntries()).find((e) => e.startsWith(`Person changed: ${name}`))).toContain('Store: from DTN to RVS');
    await screenshot(page, 'admin-log-1280');
    await expectAccessible(page, 'admin log 1280');
    const csv = await admin.exportLog();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('at_text,action,actor,person,employee_id,store,department,changed_fields,before,after,reason');
    expect(lines.filter((line) => line.includes(employeeId)).map((line) => line.split(',')[1])).toEqual([
      'person_deactivated',
      'person_updated',
      'person_created',
    ]);

    // Stores and departments, each with its active people.
    await side.link('Stores').click();
    await admin.heading('Stores').waitFor();
    await expect.poll(() => page.getByTestId('stores-table').locator('tbody th').allInnerTexts()).toEqual(expect.arrayContaining(['Downtown', 'Riverside']));
    await screenshot(page, 'admin-stores-1280');
    await expectAccessible(page, 'stores 1280');
    await page.getByTestId('stores-table').getByRole('link', { name: 'Downtown' }).click();
    await admin.heading('Edit Downtown').waitFor();
    await admin.field('Find a time zone').fill('new york');
    await expect.poll(() => admin.options('Time zone')).toEqual(['America/New York']);
    await screenshot(page, 'admin-store-form-1280');
    await expectAccessible(page, 'store form 1280');
    await side.link('Departments').click();
    await admin.heading('Departments').waitFor();
    await expect.poll(() => page.getByTestId('departments').innerText()).toMatch(/Checkout\s+\d+ active (person|people)/);
    await screenshot(page, 'admin-departments-1280');
    await expectAccessible(page, 'departments 1280');
  });

  it('a Downtown manager at 390x844 sees Downtown’s people only and is offered the staff role and their store only', async () => {
    phone = await newPhone();
    const { page } = phone;
    await signedIn(page, 'manager.downtown@demo.test');
    const admin = new AdminPage(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More', exact: true }).click({ timeout: 20_000 });
    await page.getByRole('heading', { level: 1, name: 'More' }).waitFor();
    // HR's screens are not offered.
    await expect.poll(() => page.locator('main .more-list').getByRole('button').allInnerTexts()).toContain('People');
    expect(
      (await page.locator('main .more-list').getByRole('button').allInnerTexts()).filter((label) => ['Stores', 'Departments', 'Admin log'].includes(label)),
    ).toEqual([]);
    await page.locator('main .more-list').getByRole('button', { name: 'People' }).click();
    await admin.heading('People').waitFor();
    await expect.poll(async () => (await admin.cardTexts()).length).toBeGreaterThan(1);
    const cards = await admin.cardTexts();
    expect(cards.filter((card) => !card.includes('Downtown'))).toEqual([]);
    // The filters fold under one button on the phone.
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Filters', exact: true }).getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => admin.options('Store')).toEqual(['All', 'Downtown']);
    await expect.poll(() => admin.options('Role')).toEqual(['All', 'Staff', 'Manager']);
    await admin.field('Role').selectOption({ label: 'Staff' });
    await expect.poll(() => page.getByRole('button', { name: 'Filters (1 on)' }).getAttribute('aria-expanded')).toBe('true');
    await expect.poll(async () => (await admin.cardTexts()).every((card) => card.includes('· Staff ·'))).toBe(true);
    await expect.poll(() => overflow(page)).toEqual([]);
    await screenshot(page, 'admin-people-390');
    await expectAccessible(page, 'People 390');

    await page.getByRole('button', { name: 'Add a person' }).click();
    await admin.heading('Add a person').waitFor();
    await expect.poll(() => admin.options('Role')).toEqual(['Staff']);
    await expect.poll(() => admin.options('Store')).toEqual(['Downtown']);
    expect(await page.getByText('Stores they run').count()).toBe(0);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#person-displayName-error').innerText()).toBe('This is required.');
    await screenshot(page, 'admin-person-form-390');
    await expectAccessible(page, 'person form 390');

    // The store sheet is one tap from People.
    await page.goto(new URL('/people', appUrl).href);
    await admin.heading('People').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Print activation sheet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Activation sheet' }).waitFor({ timeout: 20_000 });

    // An HR address is not theirs.
    await page.goto(new URL('/stores', appUrl).href);
    await page.getByRole('heading', { name: 'Not available to you' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('heading', { level: 1, name: 'Stores' }).count()).toBe(0);
  });

  it('HR on a 390x844 phone: stores, a store, departments and the log fit the phone', async () => {
    phone = await newPhone();
    const { page } = phone;
    await signedIn(page, 'hr@demo.test');
    const admin = new AdminPage(page);
    for (const [path, heading, shot] of [
      ['/stores', 'Stores', 'admin-stores-390'],
      ['/stores/new', 'Add a store', 'admin-store-form-390'],
      ['/departments', 'Departments', 'admin-departments-390'],
      ['/admin-log', 'Admin log', 'admin-log-390'],
    ] as const) {
      await page.goto(new URL(path, appUrl).href);
      await admin.heading(heading).waitFor({ timeout: 20_000 });
      if (path === '/admin-log') await admin.log.locator('li').first().waitFor();
      if (path === '/stores') await page.locator('.admin-cards li').first().waitFor();
      await expect.poll(() => overflow(page)).toEqual([]);
      await screenshot(page, shot);
      await expectAccessible(page, `${heading} 390`);
    }
  });
});
