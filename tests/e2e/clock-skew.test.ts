/**
 * Phones whose clock is wrong (issue 9, findings 2 and 3). An hour or more
 * ahead, every access token looks expired to supabase-js, which refreshes it
 * before each call: sync must not turn each refresh into another sync. A day
 * behind, today's briefings must still show: what is live is decided in
 * server time, also offline after a restart.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { DEMO, DemoDb, uniqueTitle } from './support/demo-db';
import { setDeviceClockOff } from './support/device-clock';
import { phonePerTest } from './support/phone-per-test';
import { recordRpcCalls } from './support/rpc-log';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl } = inject('e2e');
const db = new DemoDb();
const HOUR = 3_600_000;
/** How long the phone is watched for a sync loop: a looping phone pulls many times a second. */
const WATCH_MS = 15_000;

describe('a wrong phone clock', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await db.close();
  });

  it('an hour and more ahead: token refreshes never turn into a sync loop', { timeout: 90_000 }, async () => {
    const title = uniqueTitle('Clock ahead: till float');
    await db.createBriefings([{ title }]);
    const { context, page } = phone();
    await setDeviceClockOff(context, HOUR + 10 * 60_000);
    const today = new TodayPage(page);
    const signIn = new SignInPage(page);
    const calls = recordRpcCalls(page);
    let refreshes = 0;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/auth/v1/token' && url.searchParams.get('grant_type') === 'refresh_token') refreshes++;
    });

    await signIn.open(appUrl);
    await signIn.signIn(DEMO.alex);
    await today.waitForBriefing(title);

    const pullsBefore = calls.filter((call) => call.name === 'sync_pull').length;
    const refreshesBefore = refreshes;
    await page.waitForTimeout(WATCH_MS);
    // Left alone, the app syncs once a minute and refreshes its token every 30 s at most (a few calls each time).
    expect(calls.filter((call) => call.name === 'sync_pull').length - pullsBefore).toBeLessThanOrEqual(3);
    expect(refreshes - refreshesBefore).toBeLessThanOrEqual(6);
    await expect.poll(() => today.status.phase()).toBe('idle');
  });

  it("a day behind: today's briefings show, online and after an offline restart", { timeout: 90_000 }, async () => {
    const title = uniqueTitle('Clock behind: morning huddle');
    await db.createBriefings([{ title }]);
    const { context, page } = phone();
    await setDeviceClockOff(context, -24 * HOUR);
    const today = new TodayPage(page);
    const signIn = new SignInPage(page);

    await signIn.open(appUrl);
    await signIn.signIn(DEMO.alex);
    await waitForServiceWorker(page);
    await today.status.waitForPhase('idle');
    await today.waitForBriefing(title);

    await context.setOffline(true);
    await page.reload();
    await today.status.waitForPhase('offline');
    await today.waitForBriefing(title);
  });
});
