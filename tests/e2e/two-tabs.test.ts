/**
 * One person, one phone, two tabs: both tabs queue acknowledgements offline into the
 * same outbox, and both start syncing when the network returns. The Web Lock lets
 * one sync run at a time and an entry is deleted once sent, so every mutation id is
 * sent by one tab only, and every acknowledgement is stored once.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { phonePerTest } from './support/phone-per-test';
import { recordRpcCalls } from './support/rpc-log';

const { appUrl } = inject('e2e');
const db = new DemoDb();
const ACTIONS = 20;

describe('two tabs', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await db.close();
  });

  it(`sends each of ${ACTIONS} queued mutations from one tab only`, async () => {
    const label = uniqueTitle('Two tabs');
    const titles = Array.from({ length: ACTIONS }, (_, i) => `${label} #${String(i + 1).padStart(2, '0')}`);
    const briefingIds = await db.createBriefings(titles.map((title) => ({ title })));
    const { context, page: first } = phone();

    // Recording from the start: a tab's first sync may still be running when the test goes offline.
    const second = await context.newPage();
    const sent = [recordRpcCalls(first), recordRpcCalls(second)] as const;
    await first.bringToFront();
    const signIn = new SignInPage(first);
    await signIn.open(appUrl);
    await signIn.signIn(DEMO.alex);
    await second.goto(appUrl);
    const pages = [first, second] as const;
    const tabs = [new TodayPage(first), new TodayPage(second)] as const;
    for (const tab of tabs) {
      for (const title of titles) await tab.waitForBriefing(title);
      await tab.status.waitForPhase('idle');
    }

    await context.setOffline(true);
    for (const tab of tabs) await tab.status.waitForPhase('offline');
    // Alternate tabs, so both tabs' writes interleave in the one outbox. Each tap is made
    // in the front tab, as a person would (headless Chromium gives a background tab
    // few animation frames, which makes taps there crawl).
    for (const [i, title] of titles.entries()) {
      await pages[i % 2]!.bringToFront();
      await tabs[i % 2]!.acknowledge(title);
    }
    for (const tab of tabs) await tab.status.waitForWaiting(ACTIONS);
    expect(sent.flat().filter((call) => call.name === 'sync_push')).toEqual([]);

    const onlineAt = Date.now();
    await context.setOffline(false);
    for (const tab of tabs) {
      await tab.status.waitForWaiting(0);
      await tab.status.waitForPhase('idle');
    }

    // Both tabs synced when the network came back...
    for (const calls of sent) expect(calls.filter((c) => c.name === 'sync_pull' && c.at >= onlineAt).length).toBeGreaterThan(0);
    // ...but each mutation id left from one tab only (a tab may resend its own after a failure).
    const senders = new Map<string, Set<number>>();
    for (const [tab, calls] of sent.entries()) {
      for (const call of calls.filter((c) => c.name === 'sync_push')) {
        for (const id of call.mutationIds) senders.set(id, (senders.get(id) ?? new Set()).add(tab));
      }
    }
    expect([...senders].filter(([, tabsThatSent]) => tabsThatSent.size !== 1)).toEqual([]);

    const stored = await db.acks(SEED.alexMember, briefingIds);
    expect(stored).toHaveLength(ACTIONS);
    expect(new Set(stored.map((row) => row.briefing_id))).toEqual(new Set(briefingIds));
    expect(new Set(senders.keys())).toEqual(new Set(stored.map((row) => row.id)));
    for (const tab of tabs) {
      for (const title of titles) await expect.poll(() => tab.ackLabel(title)).toBe('Acknowledged · Sent');
    }
  });
});
