/**
 * Activation codes by email (#12 item 3), in Chromium, in an organisation of its own (so
 * no other file's people or stores are touched): HR at a desk (1280x800) presses "Email
 * activation code" on a new person's screen and is told where it went; the local stack's
 * mail catcher holds the message, in the person's language, with the /activate?code=
 * address of this app, and no code is on the screen. On the store sheet, "Email codes
 * to 2 people with an email" sends to both and answers "Sent to 2 · 1 has no email".
 * On a phone (390x844), the same button for another person, nothing wider than the
 * screen. Screenshots of both sizes go to SCREENSHOT_DIR.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { SyncStatus } from './pages/sync-status';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone, type Phone } from './support/browser';
import { DEMO_PASSWORD } from './support/demo-db';
import { findOverflow } from './support/layout';
import { screenshot } from './support/screenshot';

const { appUrl, apiUrl, databaseUrl } = inject('e2e');
const WIDE = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 } as const;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const phones: Phone[] = [];

afterAll(async () => {
  await Promise.all(phones.map((phone) => phone.close()));
  await pool.end();
});

interface CaughtEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

async function mailTo(address: string): Promise<CaughtEmail[]> {
  const response = await fetch(`${apiUrl}/functions/v1/mail-catcher?to=${encodeURIComponent(address)}`);
  return ((await response.json()) as { emails: CaughtEmail[] }).emails;
}

interface Newcomer {
  id: string;
  name: string;
  email: string | null;
}

/** A store (Pier) with an HR person who can sign in, and three people who have not activated: Ana (es), Ben (en), Cy (no email). */
async function pierOrg(): Promise<{ hrEmail: string; ana: Newcomer; ben: Newcomer; cy: Newcomer }> {
  const tag = randomUUID().slice(0, 8);
  const { rows: orgs } = await pool.query<{ id: string }>('insert into public.organizations (name) values ($1) returning id', [`Pier ${tag}`]);
  const orgId = orgs[0]!.id;
  const { rows: stores } = await pool.query<{ id: string }>(
    `insert into public.stores (org_id, name, code, time_zone) values ($1, 'Pier', 'PIER', 'Europe/London') returning id`,
    [orgId],
  );
  const hrEmail = `hr-${tag}@pier.test`;
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
  await pool.query(`insert into public.members (user_id, org_id, role, display_name, email, employee_id) values ($1, $2, 'hr', 'Pier HR', $3, 'P0')`, [
    userId,
    orgId,
    hrEmail,
  ]);
  const person = async (employeeId: string, name: string, email: string | null, locale: 'en' | 'es'): Promise<Newcomer> => {
    const { rows } = await pool.query<{ id: string }>(
      `insert into public.members (org_id, store_id, role, display_name, employee_id, email, locale) values ($1, $2, 'staff', $3, $4, $5, $6) returning id`,
      [orgId, stores[0]!.id, name, employeeId, email, locale],
    );
    return { id: rows[0]!.id, name, email };
  };
  return {
    hrEmail,
    ana: await person('P1', 'Ana Ruiz', `ana-${tag}@example.test`, 'es'),
    ben: await person('P2', 'Ben Okafor', `ben-${tag}@example.test`, 'en'),
    cy: await person('P3', 'Cy Lund', null, 'en'),
  };
}

async function signedIn(options: Parameters<typeof newPhone>[0], email: string): Promise<Page> {
  const phone = await newPhone(options);
  phones.push(phone);
  const signIn = new SignInPage(phone.page);
  await signIn.open(appUrl);
  await signIn.signIn(email);
  await new SyncStatus(phone.page).waitForPhase('idle');
  return phone.page;
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

describe('activation codes by email', () => {
  it('HR emails a code from the person screen and a store’s codes from the sheet; the mail catcher has each message', { timeout: 150_000 }, async () => {
    const { hrEmail, ana, ben, cy } = await pierOrg();

    // At a desk: Ana's screen, Email activation code.
    const desk = await signedIn(WIDE, hrEmail);
    await desk.goto(`${appUrl}/people/${ana.id}`);
    await desk.getByRole('heading', { level: 1, name: `Edit ${ana.name}` }).waitFor({ timeout: 20_000 });
    await desk.getByRole('button', { name: 'Email activation code' }).click();
    const emailed = desk.getByTestId('emailed-code');
    await expect.poll(() => emailed.textContent(), { timeout: 15_000 }).toBe(`A new code was emailed to ${ana.email}. Earlier codes no longer work.`);
    await expect.poll(() => desk.getByTestId('issued-code').count()).toBe(0);
    await expect.poll(async () => (await mailTo(ana.email!)).length).toBe(1);
    const [mail] = await mailTo(ana.email!);
    expect(mail!.subject).toBe('Tu código de activación de Frontline');
    const link = /(\S+)\/activate\?code=([A-Z0-9-]+)/.exec(mail!.text);
    expect(link?.[1]).toBe(new URL(appUrl).origin);
    expect(await desk.locator('main').innerText()).not.toContain(link?.[2]);
    await screenshot(desk, 'activation-email-person-1280', emailed);
    await expectAccessible(desk, 'person emailed 1280');

    // The store sheet: the two with an email, and Cy counted as having none.
    await desk.goto(`${appUrl}/activation-sheet`);
    const sendAll = desk.getByRole('button', { name: 'Email codes to 2 people with an email' });
    await sendAll.waitFor({ timeout: 20_000 });
    await sendAll.click();
    await expect.poll(() => desk.getByTestId('sheet-emailed').textContent(), { timeout: 15_000 }).toBe('Sent to 2 · 1 has no email');
    await expect.poll(async () => (await mailTo(ana.email!)).length).toBe(2);
    await expect.poll(async () => (await mailTo(ben.email!)).map((m) => m.subject)).toEqual(['Your Frontline activation code']);
    expect(cy.email).toBeNull();
    await screenshot(desk, 'activation-email-sheet-1280', desk.getByTestId('sheet-emailed'));
    await expectAccessible(desk, 'sheet emailed 1280');

    // On a phone: Ben's screen, the same button, nothing wider than the screen.
    const phone = await signedIn(undefined, hrEmail);
    await phone.goto(`${appUrl}/people/${ben.id}`);
    await phone.getByRole('heading', { level: 1, name: `Edit ${ben.name}` }).waitFor({ timeout: 20_000 });
    await phone.getByRole('button', { name: 'Email activation code' }).click();
    await expect
      .poll(() => phone.getByTestId('emailed-code').textContent(), { timeout: 15_000 })
      .toBe(`A new code was emailed to ${ben.email}. Earlier codes no longer work.`);
    await expect.poll(async () => (await mailTo(ben.email!)).length).toBe(2);
    await expect.poll(() => findOverflow(phone)).toEqual([]);
    await screenshot(phone, 'activation-email-person-390', phone.getByTestId('emailed-code'));

    // Cy has no email: the person screen offers only a code to show.
    await phone.goto(`${appUrl}/people/${cy.id}`);
    await phone.getByRole('heading', { level: 1, name: `Edit ${cy.name}` }).waitFor({ timeout: 20_000 });
    await phone.getByRole('button', { name: 'New activation code' }).waitFor();
    await expect.poll(() => phone.getByRole('button', { name: 'Email activation code' }).count()).toBe(0);
  });
});
