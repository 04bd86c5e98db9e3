/**
 * Web Push in the service worker, in real Chromium: a push delivered through the
 * DevTools protocol shows its notification and makes an open page sync at once; the
 * worker's click listener takes an open window to the briefing's address, online and
 * offline; a malformed push shows nothing; the page keeps the app badge at the number
 * of briefings still to acknowledge. See support/push.ts for what stands in for the
 * push service and for a finger on the notification.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { DEMO, DemoDb, uniqueTitle } from './support/demo-db';
import { phonePerTest } from './support/phone-per-test';
import { clickNotification, lastBadge, PushDriver, shownNotifications, spyOnAppBadge } from './support/push';
import { recordRpcCalls } from './support/rpc-log';
import { screenshot } from './support/screenshot';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl } = inject('e2e');
const db = new DemoDb();

const payloadFor = (id: string, title: string) => ({ v: 1, kind: 'briefing', title, store: 'Downtown', url: `/briefings/${id}`, tag: `briefing:${id}` });

describe('push', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await db.close();
  });

  async function signedIn() {
    const { context, page } = phone();
    await spyOnAppBadge(context);
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(DEMO.alex);
    await waitForServiceWorker(page);
    const today = new TodayPage(page);
    await today.status.waitForPhase('idle');
    return { context, page, today, push: await PushDriver.attach(context, page) };
  }

  it('shows the notification, and an open page syncs at once and badges what is left to acknowledge', async () => {
    const { page, today, push } = await signedIn();
    const title = uniqueTitle('Push: freezer check');
    const [id] = await db.createBriefings([{ title, requiresAck: true }]);
    const calls = recordRpcCalls(page);

    await push.deliver(payloadFor(id!, title));

    await expect
      .poll(() => shownNotifications(page))
      .toEqual([{ title, body: 'Downtown · New briefing: please read it', tag: `briefing:${id}`, data: { url: `/briefings/${id}` } }]);
    // Long before the minute timer: the push's "sync now" brought it.
    await today.waitForBriefing(title, 10_000);
    expect(calls.some((call) => call.name === 'sync_pull')).toBe(true);
    await expect.poll(() => today.left()).toBeGreaterThan(0);
    const left = await today.left();
    await expect.poll(() => lastBadge(page)).toBe(left);
  });

  it('a click takes the open window to the briefing; offline too', async () => {
    const { context, page, today, push } = await signedIn();
    const [onlineTitle, offlineTitle] = [uniqueTitle('Push: click online'), uniqueTitle('Push: click offline')];
    const [onlineId, offlineId] = await db.createBriefings([{ title: onlineTitle }, { title: offlineTitle }]);
    await push.deliver(payloadFor(onlineId!, onlineTitle));
    await today.waitForBriefing(offlineTitle);
    await today.status.waitForPhase('idle');

    await clickNotification(context, `briefing:${onlineId}`);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/briefings/${onlineId}`);
    await today.waitForBriefing(onlineTitle);
    await expect.poll(() => shownNotifications(page)).toEqual([]);
    await screenshot(page, 'push-after-notification-click');

    await context.setOffline(true);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
    await push.deliver(payloadFor(offlineId!, offlineTitle));
    await expect.poll(() => shownNotifications(page).then((shown) => shown.map((n) => n.tag))).toEqual([`briefing:${offlineId}`]);
    await clickNotification(context, `briefing:${offlineId}`);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/briefings/${offlineId}`);
    await today.waitForBriefing(offlineTitle);
    expect(await today.isListed(onlineTitle)).toBe(false);
  });

  it('the address a notification holds opens in a new window with no network', async () => {
    const { context, page, today, push } = await signedIn();
    const title = uniqueTitle('Push: new window');
    const [id] = await db.createBriefings([{ title }]);
    await push.deliver(payloadFor(id!, title));
    await today.waitForBriefing(title);
    const [shown] = await shownNotifications(page);

    await context.setOffline(true);
    const second = await context.newPage();
    await second.goto(new URL((shown!.data as { url: string }).url, appUrl).href);
    await new TodayPage(second).waitForBriefing(title);
  });

  it('a malformed push shows nothing', async () => {
    const { page, push } = await signedIn();
    await push.deliver('not json');
    await push.deliver({ v: 1, kind: 'briefing', title: '{"raw":"json"}' });
    await push.deliver({ v: 2, kind: 'briefing', title: 'Future format', url: '/today', tag: 'x' });
    // A valid push after them: once it shows, the earlier ones were handled (pushes are delivered in order).
    await push.deliver({ v: 1, kind: 'reply', title: 'Marker', url: '/voice', tag: 'marker' });
    await expect.poll(() => shownNotifications(page).then((shown) => shown.map((n) => n.title))).toEqual(['Marker']);
  });

  it('the badge is cleared when nothing is left to acknowledge', async () => {
    const { page, today } = await signedIn();
    const pinned = page.locator('[data-section="pinned"]').getByRole('button', { name: 'Read and understood' });
    // Whatever this phone holds to acknowledge (other files' briefings included), one tap at a time.
    for (let left = await pinned.count(); left > 0; left = await pinned.count()) {
      await pinned.first().click();
      await expect.poll(() => pinned.count()).toBeLessThan(left);
    }
    await today.status.waitForWaiting(0);
    await expect.poll(() => lastBadge(page)).toBe(0);
  });
});
