/**
 * The offline promise end to end: after one online visit the installed app starts
 * with no network and shows the phone's copy of the briefings; an acknowledgement
 * made offline waits on the phone and, once the network is back, lands in
 * Postgres exactly once.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { phonePerTest } from './support/phone-per-test';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl } = inject('e2e');
const db = new DemoDb();

describe('offline', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await db.close();
  });

  it('starts offline with cached briefings and sends an offline acknowledgement once when back online', async () => {
    const toAck = uniqueTitle('Offline: fire doors');
    const other = uniqueTitle('Offline: window display');
    const [toAckId] = await db.createBriefings([{ title: toAck }, { title: other }]);
    const { context, page } = phone();
    const today = new TodayPage(page);

    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(DEMO.alex);
    await waitForServiceWorker(page);
    await today.waitForBriefing(toAck);
    await today.waitForBriefing(other);
    await today.status.waitForPhase('idle');

    await context.setOffline(true);
    await page.reload();
    await today.waitForBriefing(toAck);
    expect(await today.isListed(other)).toBe(true);
    await today.status.waitForPhase('offline');
    expect(await today.status.waiting()).toBe(0);
    expect(await today.ackLabel(toAck)).toBe('Please acknowledge');

    await today.acknowledge(toAck);
    await today.status.waitForWaiting(1);
    expect(await today.status.text()).toContain('Offline · 1 waiting to send');
    expect(await today.ackLabel(toAck)).toBe('Acknowledged · Saved on this phone, will send');
    expect(await db.ackCounts(SEED.alexMember, [toAckId!])).toEqual(new Map([[toAckId!, 0]]));

    await context.setOffline(false);
    await today.status.waitForWaiting(0);
    await today.status.waitForPhase('idle');
    expect(await today.status.text()).toContain('Everything sent');
    await expect.poll(() => today.ackLabel(toAck)).toBe('Acknowledged · Sent');
    const acks = await db.acks(SEED.alexMember, [toAckId!]);
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ briefing_id: toAckId, version: 1 });
  });
});
