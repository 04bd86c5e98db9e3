/**
 * The Reports tab in Chromium: HR's dashboard shows exactly what
 * compliance_report answers for HR in Postgres, the chart's chunk loads only
 * on this screen, and the audit export streams a CSV into a real file (an OPFS
 * handle standing in for the save dialog) with the header and row count the
 * database says, past PostgREST's max_rows too, and fails, discarding the
 * file, when a page comes back short. A Downtown manager sees Downtown only and no export; offline
 * gets words and a retry; axe finds nothing serious at 390 and 1280 wide.
 * Screenshots go to SCREENSHOT_DIR when it is set.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AUDIT_EXPORT_COLUMNS, type ComplianceReport } from '../../src/data/supabase/types';
import { parseCsv } from '../support/csv';
import { InsightsPage } from './pages/insights-page';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone } from './support/browser';
import { DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { findOverflow, type Overflow, pseudoLocalize } from './support/layout';
import { phonePerTest } from './support/phone-per-test';
import { screenshot } from './support/screenshot';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl, databaseUrl } = inject('e2e');
const HR = 'hr@demo.test';
const MANAGER_DOWNTOWN = 'manager.downtown@demo.test';
const demo = new DemoDb();
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const phone = phonePerTest();

/** Runs SQL as this user would through the API: their JWT claims, the authenticated role, nothing kept. */
async function asUser<T>(email: string, query: string, params: unknown[] = []): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const {
      rows: [user],
    } = await client.query<{ id: string }>('select id from auth.users where email = $1', [email]);
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: user!.id, role: 'authenticated' })]);
    await client.query(`select set_config('role', 'authenticated', true)`);
    const {
      rows: [row],
    } = await client.query<{ value: T }>(query, params);
    return row!.value;
  } finally {
    await client.query('rollback');
    client.release();
  }
}

const reportFor = (email: string, days = 30) => asUser<ComplianceReport>(email, 'select public.compliance_report($1) as value', [days]);
const exportCountFor = (email: string) => asUser<string>(email, 'select public.audit_export_count(null, null) as value').then(Number);

/** Acknowledgements stored as the database owner, as if synced: the export then has quoted titles to carry. */
async function acknowledge(briefingId: string, memberIds: readonly string[]): Promise<void> {
  await pool.query(
    `insert into public.acknowledgements (id, org_id, briefing_id, version, content_hash, member_id, acked_at)
     select gen_random_uuid(), b.org_id, v.briefing_id, v.version, v.content_hash, m, now()
     from public.briefings b join public.briefing_versions v on v.briefing_id = b.id and v.version = b.version, unnest($2::uuid[]) m
     where b.id = $1`,
    [briefingId, memberIds],
  );
}

/** Head-office staff (no store, so no report counts them) straight into the database, each acknowledging the briefing. */
async function bulkAcknowledgements(briefingId: string, people: number): Promise<void> {
  await pool.query(
    `with u as (
       insert into auth.users (id, aud, role, email, created_at, updated_at)
       select gen_random_uuid(), 'authenticated', 'authenticated', format('bulk-%s@test.invalid', gen_random_uuid()), now(), now()
       from generate_series(1, $2::int) returning id, email),
     m as (
       insert into public.members (user_id, org_id, role, display_name, email)
       select u.id, $3, 'staff', 'Bulk ' || u.email, u.email from u returning id)
     insert into public.acknowledgements (id, org_id, briefing_id, version, content_hash, member_id, acked_at)
     select gen_random_uuid(), b.org_id, v.briefing_id, v.version, v.content_hash, m.id, now()
     from m, public.briefings b join public.briefing_versions v on v.briefing_id = b.id and v.version = b.version
     where b.id = $1`,
    [briefingId, people, SEED.org],
  );
}

const percent = (fraction: number) => new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1, roundingMode: 'floor' }).format(fraction);
const count = (n: number) => n.toLocaleString('en-US');

/** Scripts the page fetched from /assets whose name starts with this chunk name. */
async function chunksLoaded(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (prefix) =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((path) => path.startsWith(`/assets/${prefix}-`) && path.endsWith('.js')),
    name,
  );
}

/** What spills out of the Reports screen; the shell's tab bar is judged by the shell's own layout tests. */
async function screenOverflow(page: Page): Promise<Overflow[]> {
  await page.locator('nav.tabbar').evaluate((nav: HTMLElement) => {
    nav.style.visibility = 'hidden';
  });
  try {
    return await findOverflow(page);
  } finally {
    await page.locator('nav.tabbar').evaluate((nav: HTMLElement) => {
      nav.style.visibility = '';
    });
  }
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

/** The whole screen, or with fullPage false just what the viewport shows, into SCREENSHOT_DIR when it is set. */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `insights-${name}.png`), fullPage });
}

async function signInAndOpenReports(page: Page, email: string, locale: 'en' | 'es' = 'en'): Promise<InsightsPage> {
  const signIn = new SignInPage(page, locale);
  await signIn.open(appUrl);
  await signIn.signIn(email);
  const insights = new InsightsPage(page, locale);
  await insights.open();
  return insights;
}

let quotedTitle: string;
let quotedBriefing: string;
beforeAll(async () => {
  quotedTitle = uniqueTitle('Audit, "quoted" check');
  [quotedBriefing] = (await demo.createBriefings([{ title: quotedTitle, requiresAck: true }])) as [string];
  await acknowledge(quotedBriefing, [SEED.samMember, SEED.alexMember]);
});
afterAll(async () => {
  await demo.close();
  await pool.end();
});

describe('Reports tab', () => {
  it('HR: the dashboard shows what compliance_report answers, the chart loads only here, and the export streams to a file', async () => {
    const { page } = phone();
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(HR);
    const insights = new InsightsPage(page);
    await insights.waitForTab();
    await new TodayPage(page).status.waitForPhase('idle');
    expect(await chunksLoaded(page, 'RateChart')).toEqual([]);
    expect(await chunksLoaded(page, 'InsightsScreen')).toEqual([]);

    await insights.open();
    await insights.waitForDashboard();
    const expected = await reportFor(HR);
    expect(expected.total).toBeGreaterThan(0);
    expect(await insights.rate.innerText()).toBe(percent(expected.acked / expected.total));
    expect(await insights.ackedOfTotal.innerText()).toBe(`${count(expected.acked)} of ${count(expected.total)}`);
    expect(await insights.storeNames()).toEqual(expected.by_store.map((s) => s.name));
    expect(await insights.storeNames()).toEqual(expect.arrayContaining(['Downtown', 'Riverside']));
    expect(await page.getByTestId('report-scope').innerText()).toBe('Whole organisation');
    expect(await chunksLoaded(page, 'RateChart')).toHaveLength(1);
    expect(await screenOverflow(page)).toEqual([]);
    await expectAccessible(page, 'Reports 390');
    await shot(page, 'phone');

    // A real file stands in for the save dialog: Chromium's origin-private file system. The CSV request
    // waits at a gate the test opens, so the export can be watched (and cancelled) mid-way.
    await page.evaluate(() => {
      window.showSaveFilePicker = async () => (await navigator.storage.getDirectory()).getFileHandle('audit.csv', { create: true });
      const seen: string[] = [];
      let open: () => void = () => undefined;
      let gate: Promise<void> | null = new Promise<void>((resolve) => (open = resolve));
      const realFetch = window.fetch.bind(window);
      window.fetch = async (input, init) => {
        if (gate && String(input).endsWith('/rpc/audit_export_page')) {
          await new Promise<void>((resolve) => {
            void gate!.then(resolve);
            init?.signal?.addEventListener('abort', () => resolve());
          });
        }
        return realFetch(input, init);
      };
      Object.assign(window, {
        progressSeen: seen,
        openGate: () => {
          gate = null;
          open();
        },
      });
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="export-progress"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const rows = await exportCountFor(HR);
    expect(rows).toBeGreaterThanOrEqual(2);
    const fileSize = () => page.evaluate(async () => (await (await (await navigator.storage.getDirectory()).getFileHandle('audit.csv')).getFile()).size);

    await insights.startExport();
    const progressLine = page.getByTestId('export-progress');
    await progressLine.getByText(`0 of ${count(rows)} rows`).waitFor();
    await progressLine.scrollIntoViewIfNeeded();
    await shot(page, 'export-progress', false);
    await insights.cancelExport();
    await insights.exportOutcome.getByText('Export cancelled. The partial file was discarded.').waitFor();
    expect(await fileSize()).toBe(0);

    await page.evaluate(() => (window as unknown as { openGate: () => void }).openGate());
    await insights.startExport();
    await insights.exportOutcome.getByText(`Done: ${count(rows)} rows saved to your file.`).waitFor({ timeout: 15_000 });
    await insights.exportOutcome.scrollIntoViewIfNeeded();
    await shot(page, 'export-done', false);
    const csv = await page.evaluate(async () => (await (await (await navigator.storage.getDirectory()).getFileHandle('audit.csv')).getFile()).text());
    const [header, ...records] = parseCsv(csv);
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    expect(records).toHaveLength(rows);
    expect(records.filter((r) => r[3] === quotedTitle)).toHaveLength(2);
    const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progress).toContain(`0 of ${count(rows)} rows`);

    await page.setViewportSize({ width: 1280, height: 800 });
    await expectAccessible(page, 'Reports 1280');
    const [kpi, table] = [await page.locator('.kpi').first().boundingBox(), await page.locator('#by-store').boundingBox()];
    expect(kpi!.width).toBeLessThan(500);
    expect(table!.width).toBeLessThan(640);
    await shot(page, 'wide');
  });

  it('HR exports more rows than max_rows page by page; a page that lost rows fails the export and discards the file', async () => {
    await bulkAcknowledgements(quotedBriefing, 1_200);
    const rows = await exportCountFor(HR);
    expect(rows).toBeGreaterThan(1_000 + 200);
    const { page } = phone();
    const insights = await signInAndOpenReports(page, HR);
    const pageSizes: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/rpc/audit_export_page')) void response.json().then((body: unknown[]) => pageSizes.push(body.length));
    });

    const csv = await insights.exportToFile();
    const [header, ...records] = parseCsv(csv);
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    expect(records).toHaveLength(rows);
    await insights.exportOutcome.getByText(`Done: ${count(rows)} rows saved to your file.`).waitFor();
    await expect.poll(() => pageSizes.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...pageSizes)).toBeLessThanOrEqual(1_000);

    // The second page comes back with ten rows missing from its middle, as a cut answer would.
    let calls = 0;
    await page.route('**/rest/v1/rpc/audit_export_page', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as unknown[];
      calls += 1;
      if (calls === 2) body.splice(100, 10);
      await route.fulfill({ response, json: body });
    });
    await insights.startExportToFile('short.csv');
    await insights.exportOutcome
      .getByText(`The export is incomplete: the server counted ${count(rows)} rows but ${count(rows - 10)} arrived. The file was discarded; please try again.`)
      .waitFor({ timeout: 30_000 });
    expect(await insights.fileText('short.csv')).toBe('');
  });

  it('HR: the first screen shows the worst rows; "Show more stores" and "Show more briefings" add the next pages to the same tables', async () => {
    const { page } = phone();
    // The demo has two stores, fewer than a page: the summary is asked for one row per list, as past 50 stores.
    await page.route('**/rest/v1/rpc/compliance_report', (route) =>
      route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), p_limit: 1 }) }),
    );
    const insights = await signInAndOpenReports(page, HR);
    await insights.waitForDashboard();
    const whole = await reportFor(HR);
    expect(whole.store_count).toBe(2);
    expect(whole.briefing_count).toBeGreaterThan(1);
    // Every briefing is in the default page, so one "Show more briefings" completes the list.
    expect(whole.briefing_count).toBeLessThanOrEqual(whole.by_briefing.length + 1);
    const briefingRows = page.getByTestId('briefing-row');

    await expect.poll(() => insights.storeNames()).toEqual([whole.by_store[0]!.name]);
    await expect.poll(() => page.getByTestId('more-stores-shown').innerText()).toBe('Showing 1 of 2 stores, lowest rate first.');
    await expect.poll(() => briefingRows.count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('more-briefings-shown').innerText())
      .toBe(`Showing 1 of ${count(whole.briefing_count)} briefings, most overdue first.`);
    await shot(page, 'more-phone');

    await page.getByRole('button', { name: 'Show more stores' }).click();
    await expect.poll(() => insights.storeNames()).toEqual(whole.by_store.map((s) => s.name));
    await expect.poll(() => page.getByTestId('more-stores').count()).toBe(0);

    await page.getByRole('button', { name: 'Show more briefings' }).click();
    await expect.poll(() => briefingRows.locator('.cell-title').allInnerTexts()).toEqual(whole.by_briefing.map((b) => b.title));
    await expect.poll(() => page.getByTestId('more-briefings').count()).toBe(0);
    expect(await screenOverflow(page)).toEqual([]);
    await expectAccessible(page, 'Reports, more rows 390');
  });

  it('a Downtown manager sees Downtown only, and no export', async () => {
    const { page } = phone();
    const insights = await signInAndOpenReports(page, MANAGER_DOWNTOWN);
    await insights.waitForDashboard();
    const expected = await reportFor(MANAGER_DOWNTOWN);
    expect(expected.by_store.map((s) => s.name)).toEqual(['Downtown']);
    expect(await insights.storeNames()).toEqual(['Downtown']);
    expect(await page.getByTestId('report-scope').innerText()).toBe('Your stores: Downtown');
    expect(await insights.ackedOfTotal.innerText()).toBe(`${count(expected.acked)} of ${count(expected.total)}`);
    expect(await insights.exportButton.count()).toBe(0);
  });

  it('offline: says the report needs a connection, and Try again works once back online', async () => {
    const { page, context } = phone();
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(HR);
    const insights = new InsightsPage(page);
    await insights.waitForTab();
    // The screen's code comes from the service worker's cache once it is installed, as after any first visit.
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await insights.open();
    await insights.problem.getByText('This needs a connection').waitFor({ timeout: 15_000 });
    expect(await insights.rate.count()).toBe(0);
    await shot(page, 'offline');
    await context.setOffline(false);
    await insights.retry();
    await insights.waitForDashboard();
    expect(await insights.problem.count()).toBe(0);
  });

  it('Spanish, and 40% longer words, fit the phone without serious accessibility findings', async () => {
    const {
      rows: [hr],
    } = await pool.query<{ id: string }>('select m.id from public.members m join auth.users u on u.id = m.user_id where u.email = $1', [HR]);
    await demo.setMemberLocale(hr!.id, 'es');
    const spanish = await newPhone({ locale: 'es-ES' });
    try {
      const insights = await signInAndOpenReports(spanish.page, HR, 'es');
      await insights.waitForDashboard();
      expect(await insights.exportButton.count()).toBe(1);
      await expectAccessible(spanish.page, 'Informes 390');
      await shot(spanish.page, 'es-phone');
      await pseudoLocalize(spanish.page);
      expect(await screenOverflow(spanish.page)).toEqual([]);
      await shot(spanish.page, 'pseudo-phone');
    } finally {
      await spanish.close();
      await demo.setMemberLocale(hr!.id, 'en');
    }
  });
});

describe('The organisation time zone (issue 13, point 4)', () => {
  it('HR changes it from Reports: the setting on Stores saves it, the admin log has it, and Reports counts days in it', async () => {
    const { page } = phone();
    const {
      rows: [{ time_zone: original } = { time_zone: 'UTC' }],
    } = await pool.query<{ time_zone: string }>('select time_zone from public.organizations where id = $1', [SEED.org]);
    const next = original === 'Europe/Madrid' ? 'America/Chicago' : 'Europe/Madrid';
    try {
      const insights = await signInAndOpenReports(page, HR);
      await insights.waitForDashboard();
      await expect.poll(() => insights.scopeLine().innerText()).toContain(`(days in ${original.replaceAll('_', ' ')})`);
      const saved = await insights.changeZone(next);
      await expect.poll(() => saved.innerText()).toBe(`Saved. Reports now count days in ${next.replaceAll('_', ' ')}.`);
      const stored = await pool.query<{ time_zone: string }>('select time_zone from public.organizations where id = $1', [SEED.org]);
      expect(stored.rows[0]?.time_zone).toBe(next);
      await expectAccessible(page, 'Stores, organisation time zone 390');
      await screenshot(page, 'insights-org-zone-phone', page.getByTestId('org-time-zone'));
      await page.setViewportSize({ width: 1280, height: 800 });
      await expectAccessible(page, 'Stores, organisation time zone 1280');
      await screenshot(page, 'insights-org-zone-wide');

      await page.goto(`${appUrl}/admin-log`);
      const newest = page.locator('.admin-log__entry').first();
      await expect.poll(() => newest.innerText()).toContain('Organisation time zone changed');
      expect(await newest.innerText()).toContain(`Time zone: from ${original} to ${next}`);

      await page.goto(`${appUrl}/reports`);
      await insights.waitForDashboard();
      await expect.poll(() => insights.scopeLine().innerText()).toContain(`(days in ${next.replaceAll('_', ' ')})`);
      const report = await reportFor(HR);
      expect(report.time_zone).toBe(next);
      await screenshot(page, 'insights-zone-wide');
    } finally {
      await pool.query('update public.organizations set time_zone = $2 where id = $1', [SEED.org, original]);
    }
  });

  it('a manager’s Reports names the zone but offers no change', async () => {
    const { page } = phone();
    const insights = await signInAndOpenReports(page, MANAGER_DOWNTOWN);
    await insights.waitForDashboard();
    await expect.poll(() => insights.scopeLine().innerText()).toMatch(/\(days in [^)]+\)$/);
    expect(await insights.scopeLine().getByRole('link').count()).toBe(0);
  });
});

describe('Who has not acknowledged (issue 13, point 4)', () => {
  const HR_MEMBER = '3e000000-0000-4000-8000-000000000001';
  const RIVERSIDE = '5a000000-0000-4000-8000-000000000002';
  let policyTitle: string;
  let policy: string;

  /** The reach line's device words for the people a store (and department) still has to acknowledge `briefing` (the policy by default). */
  const devicesWord = async (email: string, storeId: string, departmentId: string | null, briefing = policy) => {
    const { summary } = await asUser<{ summary: { devices: number } }>(email, 'select public.report_pending_people($1, $2, $3) as value', [
      briefing,
      storeId,
      departmentId,
    ]);
    return summary.devices === 1 ? '1 device will be notified' : `${summary.devices} devices will be notified`;
  };

  /** What report_pending_people answers this user for these filters: the names the screen must list. */
  const pendingFor = (email: string, storeId: string | null, departmentId: string | null = null) =>
    asUser<{ people: { display_name: string }[]; summary: { pending: number } }>(email, 'select public.report_pending_people($1, $2, $3) as value', [
      policy,
      storeId,
      departmentId,
    ]);

  beforeAll(async () => {
    // A policy from HR to staff in every store, so both stores' staff are its audience; Alex has acknowledged it.
    policyTitle = uniqueTitle('Cash policy');
    const {
      rows: [row],
    } = await pool.query<{ id: string }>(
      `insert into public.briefings (id, org_id, author_id, kind, title, body, store_ids, roles, requires_ack, ack_due_at, publish_at)
       values (gen_random_uuid(), $1, $2, 'policy', $3, 'Count the till twice.', '{}', '{staff}', true, now() + interval '2 days', now() - interval '1 minute')
       returning id`,
      [SEED.org, HR_MEMBER, policyTitle],
    );
    policy = row!.id;
    await acknowledge(policy, [SEED.alexMember]);
  });

  it('HR: Reports, the policy, Downtown: the people still to acknowledge, by department, as CSV', async () => {
    const { page } = phone();
    const insights = await signInAndOpenReports(page, HR);
    await insights.waitForDashboard();
    // Two taps from Reports: the briefing, then the store.
    const started = performance.now();
    const list = await insights.openBriefing(policyTitle);
    const everywhere = await pendingFor(HR, null);
    await expect.poll(() => list.count.innerText()).toBe(`${everywhere.summary.pending} people have not acknowledged`);
    expect(await list.scope.innerText()).toBe('All stores');
    await expect.poll(() => list.names()).toEqual(everywhere.people.map((p) => p.display_name));
    await expect.poll(() => list.remindReach.innerText()).toContain(`in all stores: ${everywhere.summary.pending} people`);
    await expectAccessible(page, 'Still to acknowledge 390');
    await screenshot(page, 'insights-pending-all-phone');

    await list.openStore('Downtown');
    const downtown = await pendingFor(HR, SEED.downtown);
    await expect.poll(() => list.names()).toEqual(downtown.people.map((p) => p.display_name));
    const seconds = (performance.now() - started) / 1000;
    console.info(`HR: Reports -> "${policyTitle}" -> Downtown: 2 taps, people listed after ${seconds.toFixed(2)} s`);
    expect(page.url()).toContain(`/reports/briefings/${policy}/stores/${SEED.downtown}`);
    expect(await list.names()).toContain('Sam Patel');
    expect(await list.names()).not.toContain('Alex Kim');
    expect(await list.names()).not.toContain('Riley Chen');

    await list.filterDepartment('Checkout');
    const checkout = await pendingFor(HR, SEED.downtown, SEED.checkout);
    await expect.poll(() => list.names()).toEqual(checkout.people.map((p) => p.display_name));
    expect(await list.names()).toEqual(['Sam Patel']);
    await expect.poll(() => list.count.innerText()).toBe('1 person has not acknowledged');
    await expectAccessible(page, 'Still to acknowledge, one store 390');
    await screenshot(page, 'insights-pending-store-phone');

    const csv = await list.downloadCsv('pending.csv', 'Saved: 1 person.');
    const [header, ...records] = parseCsv(csv);
    expect(header).toEqual(['person', 'employee_id', 'email', 'store', 'department', 'notifications']);
    expect(records).toEqual([['Sam Patel', 'E1005', 'sam@demo.test', 'Downtown', 'Checkout', expect.stringMatching(/^(yes|no)$/)]]);

    await page.setViewportSize({ width: 1280, height: 800 });
    await expectAccessible(page, 'Still to acknowledge 1280');
    await screenshot(page, 'insights-pending-store-wide');
  });

  it('HR: a store row narrows Reports to that store, and a briefing row then lists its people; a department narrows the figures', async () => {
    const { page } = phone();
    const insights = await signInAndOpenReports(page, HR);
    await insights.waitForDashboard();
    await insights.narrowToStore('Riverside');
    const riverside = await asUser<ComplianceReport>(HR, 'select public.compliance_report(30, 50, $1) as value', [RIVERSIDE]);
    await expect.poll(() => insights.ackedOfTotal.innerText()).toBe(`${count(riverside.acked)} of ${count(riverside.total)}`);
    await expect.poll(() => insights.storeNames()).toEqual(['Riverside']);
    expect(await page.getByTestId('report-scope').innerText()).toBe('Store: Riverside');
    await expectAccessible(page, 'Reports, one store 390');
    await screenshot(page, 'insights-store-filter-phone');

    // Found by its title, however far down the worst-first list it is.
    const list = await insights.findBriefing(policyTitle);
    expect(page.url()).toContain(`/reports/briefings/${policy}/stores/${RIVERSIDE}`);
    const pending = await pendingFor(HR, RIVERSIDE);
    await expect.poll(() => list.names()).toEqual(pending.people.map((p) => p.display_name));
    expect(await list.names()).toContain('Riley Chen');

    // Back finds Reports as it was left: still narrowed to Riverside.
    await page.goBack();
    await insights.waitForDashboard();
    await page.getByTestId('report-store').getByText('Riverside').waitFor();
    await page.getByRole('button', { name: 'All stores' }).click();
    await insights.filterDepartment('Checkout');
    const checkout = await asUser<ComplianceReport>(HR, 'select public.compliance_report(30, 50, null, $1) as value', [SEED.checkout]);
    await expect.poll(() => insights.ackedOfTotal.innerText()).toBe(`${count(checkout.acked)} of ${count(checkout.total)}`);
    expect(await page.getByTestId('report-scope').innerText()).toBe('Whole organisation, Checkout department');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectAccessible(page, 'Reports, one department 1280');
    await screenshot(page, 'insights-department-filter-wide');
  });

  it('HR: filters live in the address: a reload, a pasted link and back show the same view; what the address cannot mean falls back', async () => {
    const { page } = phone();
    const insights = await signInAndOpenReports(page, HR);
    await insights.waitForDashboard();
    await insights.choosePeriod('7 days');
    await insights.narrowToStore('Downtown');
    await insights.filterDepartment('Checkout');
    await expect.poll(() => new URL(page.url()).search).toBe(`?days=7&store=${SEED.downtown}&department=${SEED.checkout}`);
    const wanted = { period: '7 days', store: 'Downtown', department: 'Checkout' };
    const figures = await asUser<ComplianceReport>(HR, 'select public.compliance_report(7, 50, $1, $2) as value', [SEED.downtown, SEED.checkout]);
    const shown = `${count(figures.acked)} of ${count(figures.total)}`;
    await expect.poll(() => insights.ackedOfTotal.innerText()).toBe(shown);

    await page.reload();
    await insights.waitForDashboard();
    await expect.poll(() => insights.filters()).toEqual(wanted);
    await expect.poll(() => insights.ackedOfTotal.innerText()).toBe(shown);
    expect(await page.getByTestId('report-scope').innerText()).toBe('Store: Downtown, Checkout department');
    await expectAccessible(page, 'Reports, filtered, reloaded 390');
    await screenshot(page, 'insights-filtered-phone');

    // The pending list opens as narrow as Reports was; its own filters are in its address too.
    const list = await insights.openBriefing(policyTitle);
    await expect
      .poll(() => new URL(page.url()).pathname + new URL(page.url()).search)
      .toBe(`/reports/briefings/${policy}/stores/${SEED.downtown}?department=${SEED.checkout}`);
    await expect.poll(() => list.names()).toEqual(['Sam Patel']);
    await list.search('sam');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('sam');
    const entries = await page.evaluate(() => history.length);
    await list.search('sam p');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('sam p');
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await page.reload();
    await list.heading.waitFor();
    await expect.poll(() => list.filters()).toEqual({ department: 'Checkout', search: 'sam p' });
    await expect.poll(() => list.names()).toEqual(['Sam Patel']);

    // Its way back returns to Reports as it was left.
    await list.backToReports();
    await insights.waitForDashboard();
    await expect.poll(() => insights.filters()).toEqual(wanted);
    expect(new URL(page.url()).search).toBe(`?days=7&store=${SEED.downtown}&department=${SEED.checkout}`);

    // A pasted link in a fresh tab of the signed-in app.
    const pasted = await page.context().newPage();
    try {
      await pasted.goto(`${appUrl}/reports?department=${SEED.checkout}&store=${SEED.downtown}&days=7`);
      const again = new InsightsPage(pasted);
      await again.waitForDashboard();
      await expect.poll(() => again.filters()).toEqual(wanted);
      await expect.poll(() => again.ackedOfTotal.innerText()).toBe(shown);

      // What the address cannot mean (a period not offered, a store and a department that do not exist) reads as the default view.
      await pasted.goto(`${appUrl}/reports?days=abc&store=${crypto.randomUUID()}&department=${crypto.randomUUID()}`);
      await again.waitForDashboard();
      await expect.poll(() => again.filters()).toEqual({ period: '30 days', store: null, department: 'Any department' });
      await expect.poll(() => new URL(pasted.url()).search).toBe('?days=abc');
      expect(await pasted.getByTestId('report-scope').innerText()).toBe('Whole organisation');
      expect(await pasted.locator('.insights').getByRole('alert').count()).toBe(0);
      await pasted.goto(`${appUrl}/reports/briefings/${policy}/pending?department=Checkout&q=%20`);
      const loose = again.pendingList();
      await expect.poll(() => loose.filters()).toEqual({ department: 'Any department', search: '' });
      await expect.poll(async () => (await loose.names()).length).toBeGreaterThan(0);
    } finally {
      await pasted.close();
    }
  });

  it('HR reminds Downtown only: the line says whom, the reminder reaches Downtown’s people alone, Riverside is not blocked by it', async () => {
    const { page } = phone();
    const briefingTitle = uniqueTitle('Remind one store');
    const {
      rows: [row],
    } = await pool.query<{ id: string }>(
      `insert into public.briefings (id, org_id, author_id, kind, title, body, store_ids, roles, requires_ack, ack_due_at, publish_at)
       values (gen_random_uuid(), $1, $2, 'policy', $3, 'Read me.', '{}', '{staff}', true, now() + interval '2 days', now() - interval '1 minute')
       returning id`,
      [SEED.org, HR_MEMBER, briefingTitle],
    );
    const id = row!.id;
    await signInAndOpenReports(page, HR);
    await page.goto(`${appUrl}/reports/briefings/${id}/stores/${SEED.downtown}`);
    const list = new InsightsPage(page).pendingList();
    const downtown = await asUser<{ summary: { pending: number } }>(HR, 'select public.report_pending_people($1, $2) as value', [id, SEED.downtown]);
    const people = downtown.summary.pending === 1 ? '1 person' : `${downtown.summary.pending} people`;
    await expect
      .poll(() => list.remindReach.innerText())
      .toBe(`Reminds only those still to acknowledge in Downtown: ${people}, ${await devicesWord(HR, SEED.downtown, null, id)}.`);
    await expectAccessible(page, 'Still to acknowledge, remind one store 390');
    await screenshot(page, 'insights-pending-remind-phone');

    await list.remind();
    // The demo's staff have no device with notifications on: nothing is sent, and the screen says whom to tell.
    await expect
      .poll(() => list.remindResult.innerText())
      .toBe(`No reminder sent: ${people} ${downtown.summary.pending === 1 ? 'has' : 'have'} notifications off. Tell them in person.`);
    const reminded = async () =>
      (
        await pool.query<{ store_id: string }>(
          'select m.store_id from private.push_manual_reminders r join public.members m on m.id = r.member_id where r.briefing_id = $1',
          [id],
        )
      ).rows.map((r) => r.store_id);
    await expect.poll(async () => (await reminded()).length).toBe(downtown.summary.pending);
    expect(new Set(await reminded())).toEqual(new Set([SEED.downtown]));
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'insights-pending-remind-wide');

    // Riverside next: its own reminder goes, though Downtown's was a moment ago.
    await page.goto(`${appUrl}/reports/briefings/${id}/stores/${RIVERSIDE}`);
    await expect.poll(() => list.remindReach.innerText()).toContain('in Riverside:');
    await list.remind();
    await expect.poll(() => list.remindResult.innerText()).toMatch(/^No reminder sent: /);
    await expect.poll(async () => new Set(await reminded())).toEqual(new Set([SEED.downtown, RIVERSIDE]));

    // Downtown again within the hour: nothing is sent, and the screen says when it can be.
    await page.goto(`${appUrl}/reports/briefings/${id}/stores/${SEED.downtown}`);
    await expect.poll(() => list.remindReach.innerText()).toContain('in Downtown:');
    await list.remind();
    await expect.poll(() => list.remindResult.innerText()).toMatch(/^Everyone here was reminded in the last hour\. You can remind them again at /);
  });

  it('in Spanish, and with 40% longer words, the list fits the phone without serious accessibility findings', async () => {
    const {
      rows: [hrMember],
    } = await pool.query<{ id: string }>('select m.id from public.members m join auth.users u on u.id = m.user_id where u.email = $1', [HR]);
    await demo.setMemberLocale(hrMember!.id, 'es');
    const spanish = await newPhone({ locale: 'es-ES' });
    try {
      const insights = await signInAndOpenReports(spanish.page, HR, 'es');
      await insights.waitForDashboard();
      const list = await insights.openBriefing(policyTitle);
      const everywhere = await pendingFor(HR, null);
      await expect.poll(() => list.count.innerText()).toBe(`${everywhere.summary.pending} personas no han confirmado`);
      expect(await list.scope.innerText()).toBe('Todas las tiendas');
      await list.openStore('Downtown');
      await list.filterDepartment('Checkout');
      await expect.poll(() => list.names()).toEqual(['Sam Patel']);
      await expect.poll(() => list.count.innerText()).toBe('1 persona no ha confirmado');
      await expectAccessible(spanish.page, 'Pendientes 390');
      await screenshot(spanish.page, 'insights-pending-es-phone');
      await pseudoLocalize(spanish.page);
      expect(await screenOverflow(spanish.page)).toEqual([]);

      // The organisation's time zone setting, in Spanish.
      await spanish.page.goto(`${appUrl}/stores`);
      const setting = spanish.page.getByTestId('org-time-zone');
      await setting.getByLabel('Zona horaria').waitFor({ timeout: 15_000 });
      await expect.poll(() => setting.getByRole('heading').innerText()).toBe('Zona horaria de la organización');
      await expectAccessible(spanish.page, 'Tiendas, zona horaria 390');
      await screenshot(spanish.page, 'insights-org-zone-es-phone', setting);
    } finally {
      await spanish.close();
      await demo.setMemberLocale(hrMember!.id, 'en');
    }
  });

  it('a Downtown manager lists Downtown’s people; Riverside’s address says it is not theirs and shows no one', async () => {
    const { page } = phone();
    const insights = await signInAndOpenReports(page, MANAGER_DOWNTOWN);
    await insights.waitForDashboard();
    const list = await insights.openBriefing(policyTitle);
    await expect.poll(() => list.stores.allInnerTexts()).toEqual([expect.stringContaining('Downtown')]);
    await list.openStore('Downtown');
    const mine = await pendingFor(MANAGER_DOWNTOWN, SEED.downtown);
    await expect.poll(() => list.names()).toEqual(mine.people.map((p) => p.display_name));
    expect(await list.scope.innerText()).toBe('Store: Downtown');
    await list.filterDepartment('Checkout');
    await expect.poll(() => list.names()).toEqual(['Sam Patel']);
    await expect
      .poll(() => list.remindReach.innerText())
      .toBe(
        `Reminds only those still to acknowledge in Downtown, Checkout department: 1 person, ${await devicesWord(MANAGER_DOWNTOWN, SEED.downtown, SEED.checkout)}.`,
      );
    await screenshot(page, 'insights-pending-manager-phone');

    await page.goto(`${appUrl}/reports/briefings/${policy}/stores/${RIVERSIDE}`);
    const other = insights.pendingList();
    await other.notYours.waitFor({ timeout: 15_000 });
    expect(await other.people.count()).toBe(0);
    expect(await page.getByText('Riley Chen').count()).toBe(0);
    await expectAccessible(page, 'Not yours 390');
    await screenshot(page, 'insights-pending-not-yours-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'insights-pending-not-yours-wide');
  });
});
