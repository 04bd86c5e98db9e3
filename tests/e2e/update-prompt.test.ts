/**
 * A new version while work is waiting: the phone runs build A with an
 * acknowledgement queued and its push still in flight when build B is deployed.
 * The update check (page back in view) finds B and the app asks, saying the
 * waiting item goes first; it does not swap versions by itself. "Send and reload"
 * sends the item, then reloads into B: the acknowledgement is stored once and
 * nothing waits.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { buildAndServeApp, buildAppInto, type ServedApp } from './support/app-server';
import { shownAppVersion } from './support/app-version';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { phonePerTest } from './support/phone-per-test';
import { holdRequests } from './support/request-gate';
import { recordRpcCalls } from './support/rpc-log';
import { waitForServiceWorker } from './support/service-worker';
import { hideAndShow } from './support/visibility';

const { apiUrl, anonKey } = inject('e2e');
const VERSION_A = 'e2e-update-A';
const VERSION_B = 'e2e-update-B';
const db = new DemoDb();

describe('update prompt', () => {
  // Build A is served from its own directory; build B waits beside it until it is "deployed" over A.
  let served: ServedApp;
  let workDir: string;
  let buildB: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'frontline-update-'));
    buildB = join(workDir, 'b');
    served = await buildAndServeApp({ apiUrl, anonKey, env: { VITE_APP_BUILD: VERSION_A } });
    await buildAppInto(buildB, { apiUrl, anonKey, env: { VITE_APP_BUILD: VERSION_B } });
  });
  afterAll(async () => {
    await served?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
    await db.close();
  });
  const phone = phonePerTest();

  it('asks before switching to a new version, sends the waiting item first, then reloads into it', async () => {
    const title = uniqueTitle('Update: new till procedure');
    const [briefingId] = await db.createBriefings([{ title }]);
    const { context, page } = phone();
    const signIn = new SignInPage(page);
    const today = new TodayPage(page);
    const prompt = page.getByRole('status').filter({ hasText: 'New version available' });

    // Version A, installed, synced.
    await signIn.open(served.appUrl);
    await signIn.signIn(DEMO.alex);
    await waitForServiceWorker(page);
    await today.waitForBriefing(title);
    await today.status.waitForPhase('idle');
    await expect.poll(() => shownAppVersion(page)).toBe(VERSION_A);
    await today.open();

    // One acknowledgement made offline; back online its push is held in flight.
    await context.setOffline(true);
    await today.status.waitForPhase('offline');
    await today.acknowledge(title);
    await today.status.waitForWaiting(1);
    const calls = recordRpcCalls(page);
    const push = await holdRequests(context, /\/rest\/v1\/rpc\/sync_push/);
    await context.setOffline(false);
    await expect.poll(() => push.held(), { timeout: 15_000 }).toBe(1);
    await today.status.waitForWaiting(1);

    // B is deployed; the page comes back into view, which checks for an update.
    await cp(buildB, served.outDir, { recursive: true, force: true });
    let loads = 0;
    page.on('load', () => loads++);
    await hideAndShow(page);
    await prompt.waitFor({ timeout: 30_000 });
    await expect.poll(() => prompt.innerText()).toContain('Your 1 waiting item will be sent first.');
    const sendAndReload = prompt.getByRole('button', { name: 'Send and reload' });
    await sendAndReload.waitFor();
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null)).toBe(true);

    // Nothing switched by itself: same page, still version A, the item still waiting.
    await page.waitForTimeout(1_000);
    expect(loads).toBe(0);
    expect(await shownAppVersion(page)).toBe(VERSION_A);
    await today.open();
    await expect.poll(() => today.status.waiting()).toBe(1);
    expect(await db.ackCounts(SEED.alexMember, [briefingId!])).toEqual(new Map([[briefingId!, 0]]));

    // "Send and reload" waits for the item to be sent; the push is let through, then B takes over.
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await sendAndReload.click();
    await prompt.getByRole('button', { name: 'Sending…' }).waitFor();
    expect(loads).toBe(0);
    await push.open();
    await reloaded;
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await expect.poll(() => shownAppVersion(page)).toBe(VERSION_B);
    await today.open();
    await today.status.waitForWaiting(0);
    await today.status.waitForPhase('idle');
    // Read once on purpose, with B running and its sync settled: B is the newest, nothing to offer.
    expect(await prompt.count()).toBe(0);
    // The list renders from IndexedDB after the reload, on its own schedule: wait for the card.
    await expect.poll(() => today.ackLabel(title)).toBe('Acknowledged · Sent');

    const acks = await db.acks(SEED.alexMember, [briefingId!]);
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ briefing_id: briefingId, version: 1 });
    // The one acknowledgement went out before the reload.
    const pushed = calls.filter((call) => call.name === 'sync_push').flatMap((call) => call.mutationIds);
    expect(pushed).toHaveLength(1);
  });

  it('with the API unreachable, "Send and reload" says the items were not sent and lets the person choose', async () => {
    // A fresh copy of version A: the first test deployed B over the shared one.
    const servedA = await buildAndServeApp({ apiUrl, anonKey, env: { VITE_APP_BUILD: VERSION_A } });
    try {
      const title = uniqueTitle('Update: API down');
      const [briefingId] = await db.createBriefings([{ title }]);
      const { context, page } = phone();
      const signIn = new SignInPage(page);
      const today = new TodayPage(page);
      await signIn.open(servedA.appUrl);
      await signIn.signIn(DEMO.alex);
      await waitForServiceWorker(page);
      await today.waitForBriefing(title);
      await today.status.waitForPhase('idle');

      // The app server still answers, the API does not.
      await context.route(/\/rest\/v1\//, (route) => route.abort('connectionrefused'));
      await today.acknowledge(title);
      await today.status.waitForWaiting(1);
      await cp(buildB, servedA.outDir, { recursive: true, force: true });
      let loads = 0;
      page.on('load', () => loads++);
      await hideAndShow(page);
      const prompt = page.getByRole('status').filter({ hasText: 'New version available' });
      await prompt.getByRole('button', { name: 'Send and reload' }).click({ timeout: 30_000 });

      const notSent = page.getByRole('alert').filter({ hasText: 'Your 1 waiting item could not be sent' });
      await notSent.waitFor({ timeout: 30_000 });
      expect(loads).toBe(0);
      expect(await shownAppVersion(page)).toBe(VERSION_A);
      await expect.poll(() => today.status.waiting()).toBe(1);

      // The person chooses to update anyway: the item survives the reload and goes once the API answers.
      const reloaded = page.waitForEvent('load', { timeout: 30_000 });
      await notSent.getByRole('button', { name: 'Reload anyway' }).click();
      await reloaded;
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      await expect.poll(() => shownAppVersion(page)).toBe(VERSION_B);
      await today.open();
      await expect.poll(() => today.status.waiting()).toBe(1);
      await context.unroute(/\/rest\/v1\//);
      await today.status.waitForWaiting(0, 30_000);
      expect(await db.ackCounts(SEED.alexMember, [briefingId!])).toEqual(new Map([[briefingId!, 1]]));
    } finally {
      await servedA.close();
    }
  });
});
