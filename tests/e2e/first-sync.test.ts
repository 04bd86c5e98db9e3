/**
 * A first sync of more than one page: Today waits for it instead of re-reading
 * every briefing after each page (which slowed the sync itself), says so, and shows
 * the list when it is done; a first sync that stops part way (offline) shows what
 * arrived rather than nothing.
 */

import pg from 'pg';
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AppBenchOrg, createAppBenchOrg } from '../bench/app-fixtures';
import { BENCH_PASSWORD } from '../bench/generate-org';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { phonePerTest } from './support/phone-per-test';

const { appUrl, databaseUrl } = inject('e2e');
const PULL = /\/rest\/v1\/rpc\/sync_pull/;

describe('first sync of several pages', () => {
  let pool: pg.Pool;
  let org: AppBenchOrg;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    // Its own organisation: 5,000 briefings (ten pages) for one store, nothing the demo people see.
    org = await createAppBenchOrg(pool);
  });
  afterAll(async () => {
    await pool?.end();
  });
  const phone = phonePerTest();

  it('Today says the phone is getting ready while pages arrive, then lists the briefings', async () => {
    const account = await org.addMember('firstPull');
    const { context, page } = phone();
    // The first page goes through; the second waits until the test has looked at the screen.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let pulls = 0;
    await context.route(PULL, async (route: Route) => {
      if (++pulls === 2) await released;
      await route.continue();
    });
    const today = new TodayPage(page);
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(account.email, BENCH_PASSWORD);

    const ready = page.getByRole('status').filter({ hasText: 'Getting this phone ready' });
    await ready.waitFor({ timeout: 20_000 });
    await expect.poll(() => pulls).toBe(2);
    await expect.poll(() => today.titles()).toEqual([]);

    release();
    await today.status.waitForPhase('idle', 60_000);
    await expect.poll(async () => (await today.titles()).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => ready.count()).toBe(0);
  });

  it('a first sync cut off part way shows the briefings that arrived', async () => {
    const account = await org.addMember('firstPull');
    const { context, page } = phone();
    let pulls = 0;
    // The network drops after the first page.
    await context.route(PULL, (route: Route) => (++pulls === 1 ? route.continue() : route.abort('internetdisconnected')));
    const today = new TodayPage(page);
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(account.email, BENCH_PASSWORD);

    await expect.poll(() => today.status.phase(), { timeout: 20_000 }).toBe('retrying');
    await expect.poll(async () => (await today.titles()).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Getting this phone ready' }).count()).toBe(0);
  });
});
