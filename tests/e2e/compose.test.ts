/**
 * The Briefings tab end to end, as Downtown's manager on a phone: a
 * must-acknowledge briefing composed offline waits as "Saved on this phone, will send" with its
 * reach counted from the cached directory, lands in Postgres exactly once when
 * the network is back, becomes version 2 when edited, shows who has not
 * acknowledged it (as Postgres says), and disappears when retracted. A manager
 * is never offered a store they do not manage. Screenshots go to
 * SCREENSHOT_DIR when it is set.
 */

import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { ComposePage } from './pages/compose-page';
import { SignInPage } from './pages/signin-page';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { BriefingDb } from './support/briefing-db';
import { DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { findOverflow, pseudoLocalize } from './support/layout';
import { phonePerTest } from './support/phone-per-test';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl } = inject('e2e');
const MANAGER = 'manager.downtown@demo.test';
const briefings = new BriefingDb();
const demo = new DemoDb();
const titles: string[] = [];

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

/** A due time two days ahead, as the phone's datetime-local input takes it (the phone's own time zone). */
function dueInTwoDays(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date(Date.now() + 2 * 24 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:30`;
  });
}

describe('Briefings tab', () => {
  const phone = phonePerTest();
  afterEach(async () => {
    await demo.setMemberLocale(SEED.managerDowntownMember, 'en');
  });
  afterAll(async () => {
    await briefings.close(titles);
    await demo.close();
  });

  it('composes offline, sends once online, edits to version 2, shows who has not acknowledged, and retracts', async () => {
    const title = uniqueTitle('Compose: truck at 9');
    titles.push(title);
    const { context, page } = phone();
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(MANAGER);
    await waitForServiceWorker(page);
    const compose = new ComposePage(page);
    await compose.open();
    await compose.status.waitForPhase('idle');

    // Online once: the directory arrives and is kept on the phone.
    await compose.startNew();
    const people = await briefings.membersAt(SEED.downtown);
    await expect.poll(() => compose.reach()).toBe(`Reaches ${people} people at Downtown`);
    await compose.cancel();

    // A cold start with no network: the reach below can only come from the copy kept in IndexedDB.
    await context.setOffline(true);
    await page.reload();
    await compose.open();
    await compose.status.waitForPhase('offline');
    await compose.startNew();
    await compose.fill({ title, body: '## Before opening\n- Clear **bay 2**\n- Pallets to the stockroom', ackDue: await dueInTwoDays(page) });
    await expect.poll(() => compose.reach()).toBe(`Reaches ${people} people at Downtown`);
    await compose.snapshot('compose-form');
    await expectAccessible(page, 'compose form');
    await compose.preview();
    await compose.snapshot('compose-preview');
    await expectAccessible(page, 'compose preview');
    await compose.send();
    await expect.poll(() => compose.sendState(title)).toBe('Saved on this phone, will send');
    await compose.status.waitForWaiting(1);
    await compose.snapshot('compose-list-will-send');
    expect(await briefings.titled(title)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => compose.sendState(title), { timeout: 20_000 }).toBe('Sent (version 1)');
    await compose.snapshot('compose-list-sent');
    const [sent, ...others] = await briefings.titled(title);
    expect(others).toEqual([]);
    expect(sent).toMatchObject({ version: 1, requires_ack: true, store_ids: [SEED.downtown], retracted_at: null });
    expect(sent!.ack_due_at).not.toBeNull();

    await compose.edit(title);
    await compose.fill({ body: '## Before opening\n- Clear **bay 2** and bay 3' });
    await compose.preview();
    await compose.send();
    await expect.poll(() => compose.sendState(title), { timeout: 20_000 }).toBe('Sent (version 2)');
    expect((await briefings.titled(title)).map((row) => row.version)).toEqual([2]);

    await context.setOffline(true);
    await compose.openReach(title);
    await expect.poll(() => compose.reachNotice()).toBe('Who has read it needs a connection. Try again when you are online.');
    await context.setOffline(false);
    await compose.refreshReach();
    const pending = await briefings.notAcknowledged(sent!.id);
    expect(pending.length).toBeGreaterThan(0);
    await expect.poll(() => compose.ackSummary(), { timeout: 15_000 }).toBe(`Acknowledged 0 of ${pending.length}`);
    await expect.poll(() => compose.pendingNames()).toEqual(pending);
    await compose.snapshot('compose-reach');
    await expectAccessible(page, 'compose reach view');
    await compose.closeReach();

    await compose.retract(title);
    await expect.poll(() => compose.sendState(title)).toBe('');
    await expect.poll(async () => (await briefings.titled(title))[0]?.retracted_at ?? null, { timeout: 20_000 }).not.toBeNull();
  });

  it('offers a manager only the stores they manage (in Spanish too)', async () => {
    await demo.setMemberLocale(SEED.managerDowntownMember, 'es');
    const { page } = phone();
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(MANAGER);
    const compose = new ComposePage(page, 'es');
    await compose.open();
    await compose.status.waitForPhase('idle');
    await compose.startNew();
    await expect.poll(() => compose.reach()).toMatch(/^Llega a \d+ personas en Downtown$/);
    await expect.poll(() => compose.storeOptions()).toEqual(['Downtown']);
    await compose.snapshot('compose-form-es');

    // Words 40% longer than Spanish still fit the phone: nothing spills sideways or is clipped.
    await pseudoLocalize(page);
    await compose.snapshot('compose-form-es-pseudo');
    // Only this screen is checked here; the shell's tab bar is not part of its layout.
    await page.locator('nav.tabbar').evaluate((nav) => nav.style.setProperty('display', 'none'));
    await expect.poll(() => findOverflow(page)).toEqual([]);
  });

  it('starts HR on a policy for the whole organisation, counting every store', async () => {
    const { page } = phone();
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn('hr@demo.test');
    const compose = new ComposePage(page);
    await compose.open();
    await compose.startNew();
    const people = await briefings.membersInStores(SEED.org);
    await expect.poll(() => compose.reach()).toBe(`Reaches ${people} people across the organisation`);
    await expect.poll(() => compose.chosenKind()).toBe('Policy');
    await expect.poll(() => compose.storeOptions()).toEqual(['Downtown', 'Riverside']);
    await compose.snapshot('compose-form-hr');
  });
});
