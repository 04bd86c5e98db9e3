/**
 * Every admin screen (#12), as HR sees it at 390x844 and at 1280x800: People, a new
 * person, a person with a new activation code shown, Stores, Departments, the admin log,
 * the activation sheet with its codes, and /activate signed out. On each: nothing spills
 * sideways, every control is a tap target of at least 44x44 px (the rows of the side
 * navigation and the tab bar included), and axe finds nothing serious or critical.
 * Screenshots go to SCREENSHOT_DIR when it is set. The roster import's screens are
 * checked in roster-import.test.ts.
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
const SIZES = {
  390: undefined,
  1280: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
} as const;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
/** Hana Reyes, HR in the demo seed. */
const HR_MEMBER = '3e000000-0000-4000-8000-000000000001';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

/** Overflow but for text kept for screen readers only (.visually-hidden clips on purpose). */
const overflow = async (page: Page) => (await findOverflow(page)).filter((o) => !o.element.includes('.visually-hidden'));

/**
 * Controls on screen smaller than 44x44 px. A checkbox or radio counts by its label (the
 * label is what a finger hits); a link inside a sentence counts by its line, as WCAG's
 * inline exception has it, so only its height is measured.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"]')) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || el.closest('[hidden], .visually-hidden')) continue;
      const target = el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type) ? (el.closest('label') ?? el) : el;
      const rect = target.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const inline = el.tagName === 'A' && style.display === 'inline' && el.parentElement?.tagName === 'P';
      if (rect.height < 43.5 || (!inline && rect.width < 43.5)) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
        small.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${name}" ${Math.round(rect.width)}x${Math.round(rect.height)}`);
      }
    }
    return small;
  });
}

async function check(page: Page, screen: string, shot: string): Promise<void> {
  await screenshot(page, shot);
  await expect.poll(() => overflow(page)).toEqual([]);
  await expect.poll(() => smallTargets(page)).toEqual([]);
  await expectAccessible(page, screen);
}

describe('admin screens at both sizes', () => {
  let phone: Phone | undefined;
  afterEach(async () => {
    await phone?.close();
    phone = undefined;
  });
  afterAll(async () => {
    await pool.end();
  });

  it.each([390, 1280] as const)('at %i px every admin screen fits, has 44 px targets and passes axe', { timeout: 120_000 }, async (size) => {
    const employeeId = `S${randomUUID().slice(0, 6).toUpperCase()}`;
    const name = `Skye Screens ${employeeId}`;
    const { rows } = await pool.query<{ id: string }>(
      `insert into public.members (org_id, store_id, department_id, role, display_name, employee_id) values ($1, $2, $3, 'staff', $4, $5) returning id`,
      [SEED.org, RIVERSIDE, SEED.salesFloor, name, employeeId],
    );
    const personId = rows[0]!.id;

    phone = await newPhone(SIZES[size]);
    const { page } = phone;
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn('hr@demo.test');
    await new SyncStatus(page).waitForPhase('idle');
    const admin = new AdminPage(page);

    await page.goto(`${appUrl}/people`);
    await admin.heading('People').waitFor({ timeout: 20_000 });
    await (size === 390 ? admin.cards : admin.table).getByRole('link').first().waitFor();
    await check(page, `People ${size}`, `screens-people-${size}`);

    await page.getByRole('button', { name: 'Add a person' }).click();
    await admin.heading('Add a person').waitFor();
    await check(page, `Add a person ${size}`, `screens-person-new-${size}`);

    await page.goto(`${appUrl}/people/${personId}`);
    await admin.heading(`Edit ${name}`).waitFor({ timeout: 20_000 });
    expect(await admin.newActivationCode()).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    await admin.issuedCode.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await check(page, `Person with a code ${size}`, `screens-person-code-${size}`);

    for (const [path, heading, shot] of [
      ['/stores', 'Stores', 'stores'],
      ['/departments', 'Departments', 'departments'],
      ['/admin-log', 'Admin log', 'admin-log'],
    ] as const) {
      await page.goto(`${appUrl}${path}`);
      await admin.heading(heading).waitFor({ timeout: 20_000 });
      if (path === '/admin-log') await admin.log.locator('li').first().waitFor();
      if (path === '/stores') await page.getByRole('link', { name: 'Riverside' }).first().waitFor();
      await check(page, `${heading} ${size}`, `screens-${shot}-${size}`);
    }

    await page.goto(`${appUrl}/activation-sheet`);
    await page.getByRole('heading', { level: 1, name: 'Activation sheet' }).waitFor({ timeout: 20_000 });
    await page.getByLabel('Store', { exact: true }).selectOption({ label: 'Riverside (RVS)' });
    await page.getByRole('button', { name: 'Make codes' }).click();
    await page.locator(`.sheet__card[data-employee-id="${employeeId}"] .sheet__code`).waitFor();
    // The sheet is reached from People: the navigation says so.
    if (size === 1280) await expect.poll(() => new SideNavPage(page).current()).toBe('People');
    else
      await expect
        .poll(() => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More', exact: true }).getAttribute('aria-current'))
        .toBe('page');
    await check(page, `Activation sheet ${size}`, `screens-activation-sheet-${size}`);

    // /activate, signed out, from the sheet's address.
    const address = (await page.locator(`.sheet__card[data-employee-id="${employeeId}"] .sheet__address`).innerText()).trim();
    await phone.close();
    phone = await newPhone(SIZES[size]);
    const out = phone.page;
    await out.goto(address);
    await out.getByRole('heading', { level: 1, name: 'Activate your account' }).waitFor({ timeout: 20_000 });
    await out.getByLabel('Employee ID').fill(employeeId);
    await check(out, `Activate ${size}`, `screens-activate-${size}`);
  });

  // Spanish runs longer: the same checks with HR's app in Spanish, on the screens HR uses most.
  it.each([390, 1280] as const)('in Spanish at %i px the admin screens fit, have 44 px targets and pass axe', { timeout: 120_000 }, async (size) => {
    await pool.query(`update public.members set locale = 'es' where id = $1`, [HR_MEMBER]);
    try {
      phone = await newPhone(SIZES[size]);
      const { page } = phone;
      const signIn = new SignInPage(page);
      await signIn.open(appUrl);
      await signIn.signIn('hr@demo.test');
      await new SyncStatus(page).waitForPhase('idle');
      const admin = new AdminPage(page);
      for (const [path, heading, shot] of [
        ['/people', 'Personas', 'people'],
        ['/people/new', 'Añadir persona', 'person-new'],
        ['/stores', 'Tiendas', 'stores'],
        ['/departments', 'Departamentos', 'departments'],
        ['/admin-log', 'Registro de administración', 'admin-log'],
        ['/activation-sheet', 'Hoja de activación', 'activation-sheet'],
      ] as const) {
        await page.goto(`${appUrl}${path}`);
        await admin.heading(heading).waitFor({ timeout: 20_000 });
        if (path === '/people') await (size === 390 ? admin.cards : admin.table).getByRole('link').first().waitFor();
        // Run alone, this test finds the log empty: either way it has loaded.
        if (path === '/admin-log') await admin.log.locator('li').first().or(page.getByText('Ningún cambio coincide.')).waitFor();
        if (path === '/stores') await page.getByRole('link', { name: 'Riverside' }).first().waitFor();
        await check(page, `${heading} ${size}`, `screens-es-${shot}-${size}`);
      }
    } finally {
      await pool.query(`update public.members set locale = 'en' where id = $1`, [HR_MEMBER]);
    }
  });
});
